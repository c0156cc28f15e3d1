import type { ReactNode } from 'react';
import { FluentProvider, makeStaticStyles, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAppTheme } from '../hooks/use-app-theme.ts';
import { HostContext, useHostDetection } from '../hooks/use-host.ts';
import { useHostLanguage } from '../hooks/use-host-language.ts';

const useStaticStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, minHeight: '100%' },
});

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  waiting: { margin: 'auto' },
});

/** Detects the host, switches to its language, then provides the host and the matching Fluent theme to everything below. */
export function HostThemeProvider({ children }: { children: ReactNode }) {
  useStaticStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const host = useHostDetection();
  const languageReady = useHostLanguage(host);
  const theme = useAppTheme(host);
  return (
    // Styled through an inner element: FluentProvider passes its className on to portal
    // mount nodes (tooltips), where a full-height box would cover the page.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        {host === null || !languageReady ? (
          <Spinner className={styles.waiting} label={t('starting')} />
        ) : (
          <HostContext.Provider value={host}>{children}</HostContext.Provider>
        )}
      </div>
    </FluentProvider>
  );
}
