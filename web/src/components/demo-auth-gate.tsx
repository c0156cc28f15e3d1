import { useCallback, useState } from 'react';
import type { DemoSignInResponse, DemoUser } from '../../../contracts/index.ts';
import { i18n } from '../i18n/i18n.ts';
import { DemoTokenProvider } from '../auth/demo-token-provider.ts';
import type { RenderSession } from './app.tsx';
import { SignInScreen } from './sign-in-screen.tsx';

export interface DemoAuthGateProps {
  users: DemoUser[];
  renderSession: RenderSession;
}

/** Demo mode: the sign-in screen until a demo token is stored, then the app. */
export function DemoAuthGate({ users, renderSession }: DemoAuthGateProps) {
  const [tokens] = useState(() => new DemoTokenProvider());
  const [signedIn, setSignedIn] = useState(() => tokens.currentToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  const onSignedIn = useCallback(
    (session: DemoSignInResponse) => {
      tokens.store(session);
      setNotice(null);
      setSignedIn(true);
    },
    [tokens],
  );
  const onUnauthorized = useCallback(() => {
    tokens.signOut();
    setNotice(i18n.t('signIn:sessionEnded'));
    setSignedIn(false);
  }, [tokens]);
  const onSignOut = useCallback(() => {
    tokens.signOut();
    setNotice(null);
    setSignedIn(false);
  }, [tokens]);

  if (!signedIn) return <SignInScreen users={users} notice={notice} onSignedIn={onSignedIn} />;
  return renderSession({ tokens, onUnauthorized, onSignOut });
}
