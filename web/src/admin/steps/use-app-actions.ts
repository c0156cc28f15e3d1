import { useState } from 'react';
import { APP_MANAGEMENT_SCOPES, type CheckAccessRequest, type DataSourceView } from '../../../../contracts/index.ts';
import { useSession } from '../../hooks/use-session.ts';
import { storedCredentials, type DataSourceForm } from '../form/data-source-form.ts';
import type { StepProps } from '../step-props.ts';

export type AppAction = 'generate' | 'check' | 'remove';

/** Entra lists apps by name: naming the data source tells administrators what an app is for. */
function appDisplayName(sourceName: string): string | undefined {
  const name = sourceName.trim();
  return name === '' ? undefined : `Switchboard: ${name}`.slice(0, 120);
}

/** The app of the form's credentials that REMOVE APP would delete, if Switchboard made it. */
export function removableApp(form: DataSourceForm): { name: string } | null {
  const { credentials } = form;
  if (credentials.kind === 'generated') return { name: credentials.app.displayName };
  if (credentials.kind === 'stored' && credentials.appObjectId !== null) return { name: credentials.clientId };
  return null;
}

/**
 * GENERATE APP, CHECK ACCESS and REMOVE APP: each asks the API, puts the outcome into the form, and
 * reports which action is running or what failed. The two that change Entra first get the
 * administrator's delegated Graph token (Entra's consent prompt, or the demo's stand-in).
 */
export function useAppActions({ form, dispatch, source }: StepProps, onSourceChanged: (source: DataSourceView) => void) {
  const { api, graphToken } = useSession();
  const [busy, setBusy] = useState<AppAction | null>(null);
  const [failure, setFailure] = useState<{ action: AppAction; error: unknown } | null>(null);

  const perform = (action: AppAction, work: () => Promise<void>): void => {
    setBusy(action);
    setFailure(null);
    work().then(
      () => setBusy(null),
      (error: unknown) => {
        setBusy(null);
        setFailure({ action, error });
      },
    );
  };

  const generate = (): void =>
    perform('generate', async () => {
      const token = await graphToken(APP_MANAGEMENT_SCOPES);
      const app = await api.generateApp({ tenantId: token.tenantId, graphToken: token.accessToken, displayName: appDisplayName(form.name) });
      dispatch({ type: 'credentials', credentials: { kind: 'generated', app } });
    });

  const check = (request: CheckAccessRequest): void =>
    perform('check', async () => {
      dispatch({ type: 'accessCheck', result: await api.checkAccess(request) });
    });

  const remove = (): void =>
    perform('remove', async () => {
      const { credentials } = form;
      const token = await graphToken(APP_MANAGEMENT_SCOPES);
      if (credentials.kind === 'generated') {
        await api.removeGeneratedApp(credentials.app.credentialId, token.accessToken);
        // Editing, the saved source's app is still in place until a new one is saved.
        dispatch({ type: 'credentials', credentials: source === null ? { kind: 'none' } : storedCredentials(source) });
      } else if (source !== null) {
        const changed = await api.removeSourceApp(source.id, token.accessToken);
        onSourceChanged(changed);
        dispatch({ type: 'credentials', credentials: storedCredentials(changed) });
      }
    });

  return { busy, failure, generate, check, remove };
}
