import type { ReactNode } from 'react';
import { FluentProvider, makeStaticStyles, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useAppTheme } from '../hooks/use-app-theme.ts';
import { HostContext, useHostDetection } from '../hooks/use-host.ts';

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

/** Detects the host, then provides it and the matching Fluent theme to everything below. */
export function HostThemeProvider({ children }: { children: ReactNode }) {
  useStaticStyles();
  const styles = useStyles();
  const host = useHostDetection();
  const theme = useAppTheme(host);
  return (
    // Styled through an inner element: FluentProvider passes its className on to portal
    // mount nodes (tooltips), where a full-height box would cover the page.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        {host === null ? (
          <Spinner className={styles.waiting} label="Starting Switchboard…" />
        ) : (
          <HostContext.Provider value={host}>{children}</HostContext.Provider>
        )}
      </div>
    </FluentProvider>
  );
}
