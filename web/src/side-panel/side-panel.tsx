import { useMemo } from 'react';
import { makeStyles, Title3, tokens } from '@fluentui/react-components';
import { CallConnectingRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ApiClient } from '../api/client.ts';
import type { SessionViewProps } from '../components/session-view.tsx';
import { useHost } from '../hooks/use-host.ts';
import { LookupSection } from './lookup-section.tsx';
import { SenderSection } from './sender-section.tsx';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
});

/** Outlook's side panel, signed in: the sender of the selected message, then lookups by hand. */
export function SidePanel({ tokens: tokenProvider, onUnauthorized }: SessionViewProps) {
  const styles = useStyles();
  const host = useHost();
  const { t } = useTranslation();
  const api = useMemo(() => new ApiClient(tokenProvider, onUnauthorized), [tokenProvider, onUnauthorized]);
  return (
    <>
      <header className={styles.header}>
        <CallConnectingRegular className={styles.logo} aria-hidden />
        <Title3 as="h1">{t('appName')}</Title3>
      </header>
      <main className={styles.main}>
        <SenderSection api={api} mail={host.kind === 'outlook-addin' ? host.mail : null} />
        <LookupSection api={api} />
      </main>
    </>
  );
}
