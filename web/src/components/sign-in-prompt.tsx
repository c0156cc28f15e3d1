import { Body1, Button, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Spinner, Title2, tokens } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from './centered-panel.tsx';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  button: { alignSelf: 'flex-start' },
});

export interface SignInPromptProps {
  /** Why the user sees this, e.g. the session ended; null on a first visit. */
  notice: string | null;
  /** What went wrong with the last attempt, in words for the user. */
  failure: string | null;
  pending: boolean;
  onSignIn: () => void;
}

/** Entra mode, when signing in needs the user: one clear button that opens Microsoft's sign-in. */
export function SignInPrompt({ notice, failure, pending, onSignIn }: SignInPromptProps) {
  const styles = useStyles();
  const { t } = useTranslation(['signIn', 'common']);
  return (
    <CenteredPanel>
      <Card>
        <CardHeader
          header={<Title2 as="h1">{t('common:appName')}</Title2>}
          description={<Body1 className={styles.muted}>{t('entraIntro')}</Body1>}
        />
        {notice !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        )}
        <Button
          className={styles.button}
          appearance="primary"
          size="large"
          icon={pending ? <Spinner size="tiny" /> : <PersonKeyRegular />}
          disabled={pending}
          onClick={onSignIn}
        >
          {t('withMicrosoft')}
        </Button>
      </Card>
    </CenteredPanel>
  );
}
