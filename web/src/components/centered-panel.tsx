import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  outer: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  inner: {
    width: '100%',
    maxWidth: '420px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/** A narrow column in the middle of the page (loading, sign-in, notices). */
export function CenteredPanel({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.outer}>
      <div className={styles.inner}>{children}</div>
    </main>
  );
}
