import { useState, type ReactElement } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { AppsAddInRegular, ArrowSyncRegular, DeleteRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSourceView } from '../../../../contracts/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorMessageBar } from '../../components/error-message-bar.tsx';
import { checkRequest } from '../form/check-request.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { useValidationMessage } from '../use-validation-message.ts';
import { AccessCheckResult } from './access-check-result.tsx';
import { AppCard } from './app-card.tsx';
import { AppPermissions } from './app-permissions.tsx';
import { removableApp, useAppActions, type AppAction } from './use-app-actions.ts';

export interface Microsoft365StepProps extends StepProps {
  onSourceChanged: (source: DataSourceView) => void;
}

const busyIcon = (busy: AppAction | null, action: AppAction, icon: ReactElement): ReactElement => (busy === action ? <Spinner size="tiny" /> : icon);

/**
 * Step 2: how Switchboard reads Graph. GENERATE APP (the recommended path: no Entra portal), or an
 * existing app's ids and secret; CHECK ACCESS for either; REMOVE APP for an app Switchboard made.
 */
export function Microsoft365Step(props: Microsoft365StepProps) {
  const { form, dispatch, errors, source, onSourceChanged } = props;
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const actions = useAppActions(props, onSourceChanged);
  const [confirming, setConfirming] = useState<'remove' | 'replace' | null>(null);
  const request = checkRequest(form, source);
  const removable = removableApp(form);
  const { credentials } = form;
  const hasApp = credentials.kind === 'generated' || credentials.kind === 'stored';
  // Editing, a new app may take the place of the saved one (removed, typed in, or generated before).
  const replaceable = form.path === 'generate' && credentials.kind === 'stored' ? credentials : null;
  // REMOVE APP deletes in Entra at once; a replacement deletes the current app (if Switchboard made it) on save. Both ask first.
  const question =
    confirming === 'remove' && removable !== null
      ? {
          destructive: true,
          title: t('app.confirmRemove.title', { name: removable.name }),
          confirmLabel: t('app.confirmRemove.confirm'),
          body: credentials.kind === 'generated' ? t('app.confirmRemove.bodyGenerated') : t('app.confirmRemove.body'),
          proceed: actions.remove,
        }
      : confirming === 'replace' && replaceable !== null
        ? {
            destructive: false,
            title: t('app.confirmReplace.title', { name: replaceable.clientId }),
            confirmLabel: t('app.confirmReplace.confirm'),
            body: replaceable.appObjectId === null ? t('app.confirmReplace.bodyManual') : t('app.confirmReplace.body'),
            proceed: actions.generate,
          }
        : null;
  const failed = (action: AppAction): unknown => (actions.failure?.action === action ? actions.failure.error : null);

  return (
    <div className={styles.fields}>
      <Field label={t('app.pathLabel')}>
        <RadioGroup value={form.path} onChange={(_, data) => dispatch({ type: 'path', path: data.value === 'manual' ? 'manual' : 'generate' })}>
          <Radio value="generate" label={t('app.generatePath')} />
          <Radio value="manual" label={t('app.manualPath')} />
        </RadioGroup>
      </Field>

      {form.path === 'generate' && !hasApp && source !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('app.noApp')}</MessageBarBody>
        </MessageBar>
      )}

      {form.path === 'generate' && !hasApp && (
        <div className={styles.card}>
          <Text weight="semibold">{t('app.needs')}</Text>
          <AppPermissions />
          <div className={styles.actions}>
            <Button appearance="primary" icon={busyIcon(actions.busy, 'generate', <AppsAddInRegular />)} disabled={actions.busy !== null} onClick={actions.generate}>
              {actions.busy === 'generate' ? t('app.generating') : t('app.generate')}
            </Button>
          </div>
          {errors.credentials !== undefined && (
            <Text role="alert" className={styles.error} tabIndex={-1} data-invalid="true">
              {message(errors.credentials)}
            </Text>
          )}
        </div>
      )}

      {form.path === 'generate' && hasApp && <AppCard credentials={credentials} />}

      {form.path === 'manual' && (
        <>
          <Text className={styles.muted}>{t('app.manualHint')}</Text>
          <Field label={t('app.tenantId')} required validationMessage={message(errors.tenantId)}>
            <Input value={form.manual.tenantId} spellCheck={false} autoComplete="off" onChange={(_, data) => dispatch({ type: 'manual', patch: { tenantId: data.value } })} />
          </Field>
          <Field label={t('app.clientId')} required validationMessage={message(errors.clientId)}>
            <Input value={form.manual.clientId} spellCheck={false} autoComplete="off" onChange={(_, data) => dispatch({ type: 'manual', patch: { clientId: data.value } })} />
          </Field>
          <Field
            label={t('app.clientSecret')}
            required={source === null}
            hint={source?.hasSecret === true ? t('app.clientSecretKeep') : t('app.clientSecretHint')}
            validationMessage={message(errors.clientSecret)}
          >
            <Input type="password" value={form.manual.clientSecret} autoComplete="new-password" onChange={(_, data) => dispatch({ type: 'manual', patch: { clientSecret: data.value } })} />
          </Field>
        </>
      )}

      {(hasApp || form.path === 'manual') && (
        <div className={styles.actions}>
          <Button icon={busyIcon(actions.busy, 'check', <ShieldCheckmarkRegular />)} disabled={request === null || actions.busy !== null} onClick={() => request !== null && actions.check(request)}>
            {actions.busy === 'check' ? t('app.checking') : t('app.check')}
          </Button>
          {replaceable !== null && (
            <Button icon={busyIcon(actions.busy, 'generate', <ArrowSyncRegular />)} disabled={actions.busy !== null} onClick={() => setConfirming('replace')}>
              {actions.busy === 'generate' ? t('app.generating') : t('app.replace')}
            </Button>
          )}
          {form.path === 'generate' && removable !== null && (
            <Button icon={busyIcon(actions.busy, 'remove', <DeleteRegular />)} disabled={actions.busy !== null} onClick={() => setConfirming('remove')}>
              {actions.busy === 'remove' ? t('app.removing') : t('app.remove')}
            </Button>
          )}
          {form.path === 'manual' && request === null && <Text className={styles.muted}>{t('app.checkNeedsSecret')}</Text>}
        </div>
      )}
      {failed('generate') !== null && <ErrorMessageBar error={failed('generate')} title={t('app.refused')} />}
      {failed('check') !== null && <ErrorMessageBar error={failed('check')} />}
      {failed('remove') !== null && <ErrorMessageBar error={failed('remove')} />}
      <div aria-live="polite">{form.accessCheck !== null && <AccessCheckResult result={form.accessCheck} />}</div>

      {question !== null && (
        <ConfirmDialog
          open
          destructive={question.destructive}
          title={question.title}
          confirmLabel={question.confirmLabel}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            question.proceed();
          }}
        >
          {question.body}
        </ConfirmDialog>
      )}
    </div>
  );
}
