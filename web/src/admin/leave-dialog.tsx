import { useState } from 'react';
import { Checkbox } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { APP_MANAGEMENT_SCOPES, type GeneratedApp } from '../../../contracts/index.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { ErrorMessageBar } from '../components/error-message-bar.tsx';
import { useSession } from '../hooks/use-session.ts';

export interface LeaveDialogProps {
  open: boolean;
  /** An app generated for this unsaved source: offered for removal, so no orphan stays in Entra. */
  generated: GeneratedApp | null;
  onStay: () => void;
  onLeave: () => void;
}

/** "Leave without saving?", and whether to delete the app GENERATE APP made for nothing. */
export function LeaveDialog({ open, generated, onStay, onLeave }: LeaveDialogProps) {
  const { t } = useTranslation('wizard');
  const { api, graphToken } = useSession();
  const [removeApp, setRemoveApp] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const leave = (): void => {
    if (generated === null || !removeApp) {
      onLeave();
      return;
    }
    setBusy(true);
    setError(null);
    graphToken(APP_MANAGEMENT_SCOPES)
      .then((token) => api.removeGeneratedApp(generated.credentialId, token.accessToken))
      .then(onLeave, (cause: unknown) => {
        setBusy(false);
        setError(cause);
      });
  };

  return (
    <ConfirmDialog open={open} title={t('leave.title')} confirmLabel={t('leave.confirm')} cancelLabel={t('leave.stay')} busy={busy} onCancel={onStay} onConfirm={leave}>
      <p>{t('leave.body')}</p>
      {generated !== null && (
        <Checkbox checked={removeApp} onChange={(_, data) => setRemoveApp(data.checked === true)} label={t('leave.removeApp', { name: generated.displayName })} />
      )}
      {error !== null && <ErrorMessageBar error={error} />}
    </ConfirmDialog>
  );
}
