import { Button, makeStyles, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { SignInCard } from './sign-in-card.tsx';

const useStyles = makeStyles({
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
  const { t } = useTranslation('signIn');
  return (
    <SignInCard intro={t('entraIntro')} notice={notice}>
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
    </SignInCard>
  );
}
