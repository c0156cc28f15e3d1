import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { EditRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { DefinitionList, type Definition } from '../../components/definition-list.tsx';
import { formatSchedule } from '../../format.ts';
import type { DataSourceForm } from '../form/data-source-form.ts';
import { syncSchedule } from '../form/form-values.ts';
import { WIZARD_STEPS, type WizardStep } from '../form/wizard-steps.ts';
import type { StepState } from '../use-wizard.ts';
import { useStepStyles } from '../step-styles.ts';
import { countryOptions } from './country-options.ts';
import { formatLocale } from '../../i18n/i18n.ts';

const useStyles = makeStyles({
  sections: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: tokens.spacingHorizontalL },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  invalid: { color: tokens.colorPaletteRedForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export interface OverviewStepProps {
  form: DataSourceForm;
  stepState: (step: WizardStep) => StepState;
  onEdit: (step: WizardStep) => void;
}

/** Step 7: every setting by step, each section with a way back to change it. */
export function OverviewStep({ form, stepState, onEdit }: OverviewStepProps) {
  const styles = useStyles();
  const stepStyles = useStepStyles();
  const { t } = useTranslation('wizard');
  const yesNo = (on: boolean): string => (on ? t('overview.yes') : t('overview.no'));
  const orNotSet = (text: string): string => (text === '' ? t('overview.notSet') : text);
  const { credentials, dialling } = form;
  const country = countryOptions(formatLocale()).find((option) => option.value === dialling.country)?.label ?? dialling.country;

  const app =
    form.path === 'manual'
      ? t('overview.appManual', { clientId: form.manual.clientId, tenantId: form.manual.tenantId })
      : credentials.kind === 'generated'
        ? t('overview.appGenerated', { name: credentials.app.displayName, clientId: credentials.app.clientId })
        : credentials.kind === 'stored'
          ? t('overview.appStored', { clientId: credentials.clientId })
          : t('overview.appNone');
  const check = form.accessCheck === null ? t('overview.checkNotRun') : form.accessCheck.ok ? t('overview.checkOk') : t('overview.checkFailed');
  const names = (list: { displayName: string }[]): string => list.map((ref) => ref.displayName).join(', ');
  const who =
    form.accessMode === 'everyone'
      ? t('overview.everyone')
      : form.accessMode === 'groups'
        ? t('overview.groups', { names: names(form.groups) })
        : t('overview.users', { names: names(form.users) });

  const sections: Record<Exclude<WizardStep, 'overview'>, Definition[]> = {
    basics: [
      { term: t('overview.name'), value: form.name },
      { term: t('overview.id'), value: form.id },
      { term: t('overview.description'), value: orNotSet(form.description) },
      { term: t('overview.autoStart'), value: yesNo(form.autoStart) },
      { term: t('overview.schedule'), value: form.schedule.intervalMinutes === null ? t('overview.notSet') : formatSchedule(syncSchedule(form.schedule)) },
    ],
    microsoft365: [
      { term: t('overview.app'), value: app },
      { term: t('overview.accessCheck'), value: check },
    ],
    dialling: [
      { term: t('overview.country'), value: country },
      { term: t('overview.areaCode'), value: orNotSet(dialling.areaCode) },
      { term: t('overview.mainNumber'), value: orNotSet(dialling.mainNumber) },
      { term: t('overview.extensionLength'), value: dialling.extensionLength === null ? t('overview.notSet') : t('dialling.extensionDigits', { count: dialling.extensionLength }) },
      { term: t('overview.outsideLinePrefix'), value: orNotSet(dialling.outsideLinePrefix) },
      { term: t('overview.displayFormat'), value: t(`dialling.format.${dialling.displayFormat}`) },
    ],
    access: [{ term: t('overview.who'), value: who }],
    priority: [{ term: t('overview.priority'), value: form.priority ?? t('overview.notSet') }],
    approximation: [{ term: t('overview.approximation'), value: form.approximation ? t('approximation.on') : t('approximation.off') }],
  };

  return (
    <div className={styles.sections}>
      {WIZARD_STEPS.filter((step): step is Exclude<WizardStep, 'overview'> => step !== 'overview').map((step) => (
        <section key={step} className={stepStyles.card} aria-label={t(`title.${step}`)}>
          <div className={styles.head}>
            <Subtitle2 as="h4" className={stepStyles.heading}>
              {t(`title.${step}`)}
            </Subtitle2>
            <Button appearance="transparent" size="small" icon={<EditRegular />} aria-label={t('overview.editStep', { step: t(`title.${step}`) })} onClick={() => onEdit(step)}>
              {t('overview.edit')}
            </Button>
          </div>
          {stepState(step) === 'invalid' && (
            <span className={styles.invalid}>
              <ErrorCircleRegular aria-hidden />
              {t('stepInvalid')}
            </span>
          )}
          <DefinitionList rows={sections[step]} />
        </section>
      ))}
    </div>
  );
}
