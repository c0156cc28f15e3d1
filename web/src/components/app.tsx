import type { ReactNode } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClientConfig } from '../../../contracts/index.ts';
import { fetchClientConfig } from '../api/client.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { CenteredPanel } from './centered-panel.tsx';
import { DemoAuthGate } from './demo-auth-gate.tsx';
import { EntraAuthGate } from './entra-auth-gate.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';
import type { SessionViewProps } from './session-view.tsx';

/** What a page shows once someone is signed in: the tab's main screen, or Outlook's side panel. */
export type RenderSession = (session: SessionViewProps) => ReactNode;

export interface AppProps {
  renderSession: RenderSession;
}

/** Reads `/app-config.json`, then signs in the way this deployment is configured. */
export function App({ renderSession }: AppProps) {
  const { t } = useTranslation();
  const config = useApiQuery<ClientConfig>('app-config', (signal) => fetchClientConfig(signal));

  if (config.data === null) {
    return (
      <CenteredPanel>
        {config.error === null ? (
          <Spinner label={t('starting')} />
        ) : (
          <>
            <ErrorMessageBar error={config.error} />
            <Button onClick={config.reload}>{t('tryAgain')}</Button>
          </>
        )}
      </CenteredPanel>
    );
  }
  const { auth } = config.data;
  switch (auth.mode) {
    case 'demo':
      return <DemoAuthGate users={auth.users} renderSession={renderSession} />;
    case 'entra':
      return <EntraAuthGate settings={auth} renderSession={renderSession} />;
    default:
      // A newer API than this web build: say so instead of rendering nothing.
      return (
        <CenteredPanel>
          <ErrorMessageBar error={new Error(t('unknownSignInMode'))} />
        </CenteredPanel>
      );
  }
}
