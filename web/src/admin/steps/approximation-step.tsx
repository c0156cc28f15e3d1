import { useId } from 'react';
import { Badge, Body1, Caption1, Card, makeStyles, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import { BuildingRegular, PersonQuestionMarkRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { diallingProfileSchema, type LookupResponse, type PhonePreview } from '../../../../contracts/index.ts';
import { contactName } from '../../format.ts';
import { useApiQuery } from '../../hooks/use-api-query.ts';
import { useSession } from '../../hooks/use-session.ts';
import { diallingProfile } from '../form/form-values.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { callingCode } from './country-options.ts';

const useStyles = makeStyles({
  calls: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL },
  call: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  chosen: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  caller: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '24px' },
});

/** An extension nobody has, of the company's main number: "+49 89 12340-999". */
function unknownExtension(country: string, mainNumber: string, extensionLength: number | null): string | null {
  const code = callingCode(country);
  if (code === null || mainNumber === '') return null;
  return `+${code} ${mainNumber}-${'9'.repeat(extensionLength ?? 3)}`;
}

/**
 * Step 6: whether caller identification may fall back to a company's main-number entry, with
 * an example built from step 3's main number. The company is the directory's own entry for that
 * number when one exists (a lookup), else a placeholder.
 */
export function ApproximationStep({ form, dispatch }: StepProps) {
  const styles = useStyles();
  const stepStyles = useStepStyles();
  const { t } = useTranslation('wizard');
  const { api } = useSession();
  const headingId = useId();
  const { dialling } = form;
  const profile = diallingProfileSchema.safeParse(diallingProfile(dialling));
  const incoming = profile.success ? unknownExtension(dialling.country, dialling.mainNumber, dialling.extensionLength) : null;
  const main = incoming === null ? null : `+${callingCode(dialling.country) ?? ''}${dialling.mainNumber}`;

  const shown = useApiQuery<PhonePreview | null>(incoming === null ? null : `approx-preview:${JSON.stringify([incoming, profile.data])}`, (signal) =>
    incoming === null || !profile.success ? Promise.resolve(null) : api.previewNumber(incoming, profile.data, signal),
  );
  const company = useApiQuery<LookupResponse | null>(main === null ? null : `approx-company:${main}`, (signal) =>
    main === null ? Promise.resolve(null) : api.lookup(main, signal),
  );
  // International: the example must read the same for every viewer.
  const number = shown.data?.display?.international ?? incoming;
  const match = company.data?.match?.contact;
  const companyName = match !== undefined ? (match.companyName ?? contactName(match)) : t('approximation.companyPlaceholder');

  const call = (on: boolean) => (
    <Card className={form.approximation === on ? `${styles.call} ${styles.chosen}` : styles.call} appearance="outline" size="small">
      <Caption1>
        {on ? t('approximation.withApproximation') : t('approximation.withoutApproximation')}{' '}
        {form.approximation === on && (
          <Badge appearance="tint" color="brand">
            {t('approximation.current')}
          </Badge>
        )}
      </Caption1>
      <span className={styles.caller}>
        {on ? <BuildingRegular className={styles.icon} aria-hidden /> : <PersonQuestionMarkRegular className={styles.icon} aria-hidden />}
        <Text weight="semibold" size={400}>
          {on ? t('approximation.company', { company: companyName }) : t('approximation.unknown')}
        </Text>
      </span>
      {number !== null && <Caption1>{t('approximation.incoming', { number })}</Caption1>}
    </Card>
  );

  return (
    <div className={stepStyles.fields}>
      <Switch
        label={t('approximation.label')}
        checked={form.approximation}
        onChange={(_, data) => dispatch({ type: 'approximation', on: data.checked })}
      />
      <Body1>{t('approximation.explain', { example: number ?? t('approximation.exampleFallback') })}</Body1>
      <section className={stepStyles.section} aria-labelledby={headingId}>
        <Subtitle2 as="h4" className={stepStyles.heading} id={headingId}>
          {t('approximation.preview')}
        </Subtitle2>
        <div className={styles.calls}>
          {call(true)}
          {call(false)}
        </div>
      </section>
    </div>
  );
}
