import { useId } from 'react';
import { Badge, Field, makeStyles, MessageBar, MessageBarBody, SpinButton, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, type DataSourceView } from '../../../../contracts/index.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { useValidationMessage } from '../use-validation-message.ts';
import { spinValue } from './schedule-fields.tsx';

const useStyles = makeStyles({
  order: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface PriorityStepProps extends StepProps {
  /** The other data sources, to show where this one ranks. */
  others: DataSourceView[];
}

interface Ranked {
  id: string;
  name: string;
  priority: number;
  current: boolean;
}

/** Step 5: a priority from 1 to 999, shown live among the other data sources in the order that decides. */
export function PriorityStep({ form, dispatch, errors, others }: PriorityStepProps) {
  const styles = useStyles();
  const stepStyles = useStepStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const headingId = useId();
  const priority = form.priority;
  const ranked: Ranked[] = [
    ...others.map((s) => ({ id: s.id, name: s.name, priority: s.priority, current: false })),
    ...(priority === null ? [] : [{ id: form.id, name: form.name.trim() === '' ? t('priority.unnamed') : form.name, priority, current: true }]),
  ].sort((a, b) => b.priority - a.priority || Number(b.current) - Number(a.current));
  const ties = others.filter((s) => s.priority === priority).map((s) => s.name);

  return (
    <div className={stepStyles.fields}>
      <Field className={stepStyles.narrow} label={t('priority.label')} hint={t('priority.hint')} required validationMessage={message(errors.priority)}>
        <SpinButton
          value={priority}
          min={LIMITS.priorityMin}
          max={LIMITS.priorityMax}
          onChange={(_, data) => dispatch({ type: 'priority', priority: spinValue(data) })}
        />
      </Field>
      {ties.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('priority.tie', { names: ties.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      <section className={stepStyles.section} aria-labelledby={headingId}>
        <Subtitle2 as="h4" className={stepStyles.heading} id={headingId}>
          {t('priority.order')}
        </Subtitle2>
        <ol className={styles.order}>
          {ranked.map((entry) => (
            <li key={entry.current ? '__this__' : entry.id} className={entry.current ? styles.current : undefined} aria-current={entry.current ? 'true' : undefined}>
              <span className={styles.item}>
                <Text weight={entry.current ? 'semibold' : 'regular'}>{entry.name}</Text>
                <Badge appearance="outline" color={entry.current ? 'brand' : 'informative'}>
                  {entry.priority}
                </Badge>
                {entry.current && <Text size={200}>({t('priority.thisSource')})</Text>}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
