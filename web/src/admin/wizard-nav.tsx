import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useVisuallyHiddenStyles } from '../components/visually-hidden.ts';
import { WIZARD_STEPS, type WizardStep } from './form/wizard-steps.ts';
import type { StepState } from './use-wizard.ts';

const useStyles = makeStyles({
  done: { color: tokens.colorPaletteGreenForeground1 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  tab: { justifyContent: 'flex-start' },
  label: { textAlign: 'start' },
});

export const stepTabId = (idPrefix: string, step: WizardStep): string => `${idPrefix}-tab-${step}`;

export interface WizardNavProps {
  idPrefix: string;
  current: WizardStep;
  stepState: (step: WizardStep) => StepState;
  canVisit: (step: WizardStep) => boolean;
  onSelect: (step: WizardStep) => void;
}

/**
 * The steps as a vertical tab list (Fluent has no stepper): arrow keys move between them, and
 * each says whether it is complete or needs attention in words as well as by its icon.
 */
export function WizardNav({ idPrefix, current, stepState, canVisit, onSelect }: WizardNavProps) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { t } = useTranslation('wizard');
  return (
    <nav aria-label={t('steps')}>
      <TabList
        vertical
        selectedValue={current}
        onTabSelect={(_, data) => {
          const step = WIZARD_STEPS.find((s) => s === data.value);
          if (step !== undefined) onSelect(step);
        }}
      >
        {WIZARD_STEPS.map((step, index) => {
          const state = stepState(step);
          const icon =
            state === 'done' ? (
              <CheckmarkCircleRegular className={styles.done} />
            ) : state === 'invalid' ? (
              <ErrorCircleRegular className={styles.invalid} />
            ) : (
              <CircleRegular />
            );
          return (
            <Tab key={step} id={stepTabId(idPrefix, step)} className={styles.tab} content={{ className: styles.label }} value={step} icon={icon} disabled={!canVisit(step)}>
              {index + 1}. {t(`title.${step}`)}
              {state !== 'todo' && <span className={hidden.hidden}>, {state === 'done' ? t('stepDone') : t('stepInvalid')}</span>}
            </Tab>
          );
        })}
      </TabList>
    </nav>
  );
}
