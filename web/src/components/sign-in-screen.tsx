import { useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRegular, ShieldPersonRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DemoSignInResponse, DemoUser } from '../../../contracts/index.ts';
import { demoSignIn } from '../api/client.ts';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { SignInCard } from './sign-in-card.tsx';

const useStyles = makeStyles({
  users: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start' },
});

export interface SignInScreenProps {
  users: DemoUser[];
  /** Why the user sees this screen again, e.g. the session expired. */
  notice: string | null;
  onSignedIn: (session: DemoSignInResponse) => void;
}

/** Demo mode: pick one of the configured demo users. */
export function SignInScreen({ users, notice, onSignedIn }: SignInScreenProps) {
  const styles = useStyles();
  const { t } = useTranslation('signIn');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const signIn = (username: string): void => {
    setPending(username);
    setError(null);
    demoSignIn(username).then(
      (session) => {
        setPending(null);
        onSignedIn(session);
      },
      (cause: unknown) => {
        setPending(null);
        setError(cause);
      },
    );
  };

  return (
    <SignInCard intro={t('demoIntro')} notice={notice}>
      {error !== null && <ErrorMessageBar error={error} />}
      <div className={styles.users}>
        {users.map((user) => (
          <Button
            key={user.username}
            className={styles.button}
            size="large"
            title={user.isAdmin ? t('administrator', { username: user.username }) : user.username}
            icon={user.isAdmin ? <ShieldPersonRegular /> : <PersonRegular />}
            disabled={pending !== null}
            onClick={() => {
              signIn(user.username);
            }}
          >
            {t('signInAs', { name: user.displayName })}
          </Button>
        ))}
        {users.length === 0 && <Body1>{t('noDemoUsers')}</Body1>}
      </div>
    </SignInCard>
  );
}
