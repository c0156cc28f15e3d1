import { useMemo } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contracts/index.ts';
import { SessionContext, type Session } from '../api/api-context.ts';
import { ApiClient } from '../api/client.ts';
import type { TokenProvider } from '../auth/token-provider.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { CenteredPanel } from './centered-panel.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { MainScreen } from './main-screen.tsx';

export interface SessionViewProps {
  tokens: TokenProvider;
  /** The API answered 401: the caller shows sign-in again. */
  onUnauthorized: () => void;
  onSignOut: (() => void) | null;
}

/** A signed-in user: builds the API client, asks who we are, then shows the app. */
export function SessionView({ tokens, onUnauthorized, onSignOut }: SessionViewProps) {
  const api = useMemo(() => new ApiClient(tokens, onUnauthorized), [tokens, onUnauthorized]);
  const me = useApiQuery<Me>('me', (signal) => api.me(signal));
  const { t } = useTranslation();
  const session = useMemo<Session | null>(
    () => (me.data === null ? null : { api, me: me.data, graphToken: (scopes) => tokens.getGraphToken(scopes) }),
    [api, me.data, tokens],
  );

  if (session === null) {
    return (
      <CenteredPanel>
        {me.error !== null ? <ErrorMessageBar error={me.error} /> : <Spinner label={t('signingIn')} />}
      </CenteredPanel>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <MainScreen onSignOut={onSignOut} />
    </SessionContext.Provider>
  );
}
