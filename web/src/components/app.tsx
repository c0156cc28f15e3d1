import { Button, Spinner } from '@fluentui/react-components';
import type { ClientConfig } from '../../../contracts/index.ts';
import { fetchClientConfig } from '../api/client.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { CenteredPanel } from './centered-panel.tsx';
import { DemoAuthGate } from './demo-auth-gate.tsx';
import { EntraNotice } from './entra-notice.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';

/** Reads `/app-config.json`, then signs in the way this deployment is configured. */
export function App() {
  const config = useApiQuery<ClientConfig>('app-config', (signal) => fetchClientConfig(signal));

  if (config.data === null) {
    return (
      <CenteredPanel>
        {config.error === null ? (
          <Spinner label="Starting Switchboard…" />
        ) : (
          <>
            <ErrorMessageBar error={config.error} />
            <Button onClick={config.reload}>Try again</Button>
          </>
        )}
      </CenteredPanel>
    );
  }
  const { auth } = config.data;
  switch (auth.mode) {
    case 'demo':
      return <DemoAuthGate users={auth.users} />;
    case 'entra':
      return <EntraNotice />;
    default:
      // A newer API than this web build: say so instead of rendering nothing.
      return (
        <CenteredPanel>
          <ErrorMessageBar error={new Error('This version of Switchboard does not know the configured sign-in mode.')} />
        </CenteredPanel>
      );
  }
}
