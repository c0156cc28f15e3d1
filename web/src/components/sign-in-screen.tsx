import { useState } from 'react';
import {
  Body1,
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular, ShieldPersonRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DemoSignInResponse, DemoUser } from '../../../contracts/index.ts';
import { demoSignIn } from '../api/client.ts';
import { CenteredPanel } from './centered-panel.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';

const useStyles = makeStyles({
  users: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
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
  const { t } = useTranslation(['signIn', 'common']);
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
    <CenteredPanel>
      <Card>
        <CardHeader
          header={<Title2 as="h1">{t('common:appName')}</Title2>}
          description={<Body1 className={styles.muted}>{t('demoIntro')}</Body1>}
        />
        {notice !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
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
      </Card>
    </CenteredPanel>
  );
}
