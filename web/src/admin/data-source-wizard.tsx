import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSourceView } from '../../../contracts/index.ts';
import { ApiError } from '../api/client.ts';
import { CenteredPanel } from '../components/centered-panel.tsx';
import { ErrorMessageBar } from '../components/error-message-bar.tsx';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { useSession } from '../hooks/use-session.ts';
import { stepOfPath } from './form/save-request.ts';
import { stepIndex, WIZARD_STEPS, type WizardStep } from './form/wizard-steps.ts';
import { LeaveDialog } from './leave-dialog.tsx';
import { AccessStep } from './steps/access-step.tsx';
import { ApproximationStep } from './steps/approximation-step.tsx';
import { BasicsStep } from './steps/basics-step.tsx';
import { DiallingStep } from './steps/dialling-step.tsx';
import { Microsoft365Step } from './steps/microsoft-365-step.tsx';
import { OverviewStep } from './steps/overview-step.tsx';
import { PriorityStep } from './steps/priority-step.tsx';
import { useSaveSource, type SaveResult } from './use-save-source.ts';
import { useWizard } from './use-wizard.ts';
import { stepTabId, WizardNav } from './wizard-nav.tsx';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    width: '100%',
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    boxSizing: 'border-box',
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalL },
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { ...typographyStyles.title2, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  body: {
    display: 'grid',
    gridTemplateColumns: '260px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  stepHeading: { ...typographyStyles.subtitle1, margin: 0, outlineOffset: '4px' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-end',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
  },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** How the wizard ended; a save also tells what became of an app the saved one replaced. */
export type WizardOutcome = ({ kind: 'created' | 'saved' } & SaveResult) | { kind: 'cancelled' };

export interface DataSourceWizardProps {
  /** The source to edit; null to add one. */
  source: DataSourceView | null;
  onClose: (outcome: WizardOutcome) => void;
}

/** The steps a failed save names: the API's validation paths, or the identifier when it is taken. */
function stepsOfSaveError(error: unknown): WizardStep[] {
  if (!(error instanceof ApiError)) return [];
  if (error.code === 'data_source_exists') return ['basics'];
  return [...new Set((error.problem?.errors ?? []).map((issue) => stepOfPath(issue.path)))];
}

/** Adds or edits a "Microsoft 365 Mail Contacts" data source in seven steps (loads the other sources first). */
export function DataSourceWizard({ source, onClose }: DataSourceWizardProps) {
  const { t } = useTranslation(['common', 'wizard']);
  const { api } = useSession();
  const sources = useApiQuery<DataSourceView[]>('wizard:datasources', (signal) => api.dataSources(signal));
  if (sources.data === null && sources.error === null) return <Spinner label={t('loading')} />;
  if (sources.data === null) {
    // The wizard has not opened yet, so this is its only way on or back.
    return (
      <CenteredPanel>
        <ErrorMessageBar error={sources.error} />
        <Button onClick={sources.reload}>{t('tryAgain')}</Button>
        <Button appearance="subtle" onClick={() => onClose({ kind: 'cancelled' })}>
          {t('wizard:cancel')}
        </Button>
      </CenteredPanel>
    );
  }
  return <Wizard initial={source} sources={sources.data} onClose={onClose} />;
}

interface WizardProps {
  initial: DataSourceView | null;
  sources: DataSourceView[];
  onClose: (outcome: WizardOutcome) => void;
}

function Wizard({ initial, sources, onClose }: WizardProps) {
  const styles = useStyles();
  const { t } = useTranslation(['wizard', 'sources']);
  const idPrefix = useId();
  const others = useMemo(() => sources.filter((s) => s.id !== initial?.id), [sources, initial]);
  const takenIds = useMemo(() => others.map((s) => s.id), [others]);
  const wizard = useWizard(initial, takenIds);
  const saver = useSaveSource(wizard.source, (saved) => onClose({ kind: initial === null ? 'created' : 'saved', ...saved }));
  const [leaving, setLeaving] = useState(false);
  const [blocked, setBlocked] = useState<WizardStep[]>([]);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  const { step } = wizard;
  const index = stepIndex(step);
  const stepTitle = t(`title.${step}`);

  // Keyboard and screen reader users land on the wizard's title when it opens, then on each step's heading.
  useEffect(() => {
    (opened.current ? stepHeadingRef : titleRef).current?.focus();
    opened.current = true;
  }, [step]);

  // After a refused "Next", the first field that needs attention.
  useEffect(() => {
    if (wizard.attempt === 0) return;
    panelRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [wizard.attempt]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (step !== 'overview') {
      wizard.next();
      return;
    }
    const invalid = wizard.invalidSteps();
    setBlocked(invalid);
    if (invalid.length === 0) saver.save(wizard.form);
  };

  const leave = (): void => onClose({ kind: 'cancelled' });
  // An app generated in this session and not saved yet, creating or replacing: leaving offers to remove it.
  const generated = wizard.form.credentials.kind === 'generated' ? wizard.form.credentials.app : null;
  const stepProps = { form: wizard.form, dispatch: wizard.dispatch, errors: wizard.errors, source: wizard.source };
  const fixLinks = (steps: WizardStep[]) => (
    <span className={styles.links}>
      {steps.map((target) => (
        <Link key={target} as="button" type="button" onClick={() => wizard.goTo(target)}>
          {t('overview.editStep', { step: t(`title.${target}`) })}
        </Link>
      ))}
    </span>
  );

  return (
    <main className={styles.page} aria-labelledby={`${idPrefix}-title`}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <h2 className={styles.title} id={`${idPrefix}-title`} ref={titleRef} tabIndex={-1}>
            {initial === null ? t('createTitle') : t('editTitle', { name: initial.name })}
          </h2>
          <Caption1 className={styles.muted}>{t('typeLabel', { type: t('sources:type.m365-mail-contacts') })}</Caption1>
        </div>
        <Button appearance="subtle" icon={<DismissRegular />} onClick={() => (wizard.dirty ? setLeaving(true) : leave())}>
          {t('cancel')}
        </Button>
      </div>
      <Field label={t('progress', { current: index + 1, total: WIZARD_STEPS.length, title: stepTitle })}>
        <ProgressBar value={index + 1} max={WIZARD_STEPS.length} thickness="large" />
      </Field>
      <div className={styles.body}>
        <WizardNav idPrefix={idPrefix} current={step} stepState={wizard.stepState} canVisit={wizard.canVisit} onSelect={wizard.goTo} />
        <div className={styles.panel} role="tabpanel" aria-labelledby={stepTabId(idPrefix, step)} ref={panelRef}>
          <form noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-step`}>
            <div className={styles.stack}>
              <h3 id={`${idPrefix}-step`} ref={stepHeadingRef} tabIndex={-1} className={styles.stepHeading}>
                {stepTitle}
              </h3>
              <Body1 className={styles.muted}>{t(`intro.${step}`)}</Body1>
              {step === 'basics' && <BasicsStep {...stepProps} />}
              {step === 'microsoft365' && <Microsoft365Step {...stepProps} onSourceChanged={wizard.setSource} />}
              {step === 'dialling' && <DiallingStep {...stepProps} />}
              {step === 'access' && <AccessStep {...stepProps} />}
              {step === 'priority' && <PriorityStep {...stepProps} others={others} />}
              {step === 'approximation' && <ApproximationStep {...stepProps} />}
              {step === 'overview' && <OverviewStep form={wizard.form} stepState={wizard.stepState} onEdit={wizard.goTo} />}
              {step === 'overview' && blocked.length > 0 && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    {t('fixErrors', { steps: blocked.map((s) => t(`title.${s}`)).join(', ') })} {fixLinks(blocked)}
                  </MessageBarBody>
                </MessageBar>
              )}
              {saver.error !== null && (
                <>
                  <ErrorMessageBar error={saver.error} />
                  {fixLinks(stepsOfSaveError(saver.error))}
                </>
              )}
              <div className={styles.footer}>
                <Button icon={<ArrowLeftRegular />} disabled={index === 0} onClick={wizard.back}>
                  {t('back')}
                </Button>
                {step === 'overview' ? (
                  <Button type="submit" appearance="primary" icon={saver.saving ? <Spinner size="tiny" /> : <SaveRegular />} disabled={saver.saving}>
                    {saver.saving ? t('saving') : initial === null ? t('create') : t('save')}
                  </Button>
                ) : (
                  <Button type="submit" appearance="primary" icon={<ArrowRightRegular />} iconPosition="after">
                    {t('next')}
                  </Button>
                )}
              </div>
            </div>
          </form>
        </div>
      </div>
      <LeaveDialog open={leaving} generated={generated} onStay={() => setLeaving(false)} onLeave={leave} />
    </main>
  );
}
