import type { ReactNode } from 'react';
import { Body1, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from './centered-panel.tsx';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SignInCardProps {
  /** How signing in works here (demo users, or Microsoft's sign-in). */
  intro: string;
  /** Why the user sees this again, e.g. the session ended; null on a first visit. */
  notice: string | null;
  children: ReactNode;
}

/** The sign-in page of either mode: the product name, how to sign in, and why again. */
export function SignInCard({ intro, notice, children }: SignInCardProps) {
  const styles = useStyles();
  const { t } = useTranslation('common');
  return (
    <CenteredPanel>
      <Card>
        <CardHeader header={<Title2 as="h1">{t('appName')}</Title2>} description={<Body1 className={styles.muted}>{intro}</Body1>} />
        {notice !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {children}
      </Card>
    </CenteredPanel>
  );
}
