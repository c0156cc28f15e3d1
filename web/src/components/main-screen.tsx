import { makeStyles, tokens } from '@fluentui/react-components';
import { AppHeader } from './app-header.tsx';
import { DataSourcesPanel } from './data-sources-panel.tsx';
import { DirectorySearch } from './directory-search.tsx';
import { NumberLookup } from './number-lookup.tsx';
import { useSession } from '../hooks/use-session.ts';

const useStyles = makeStyles({
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    margin: '0 auto',
    boxSizing: 'border-box',
    width: '100%',
    '@media (min-width: 900px)': {
      gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)',
      columnGap: tokens.spacingHorizontalXXXL,
      padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    },
  },
  aside: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, minWidth: 0 },
});

export interface MainScreenProps {
  onSignOut: (() => void) | null;
}

/** Search on the left (or on top in a narrow pane), caller lookup and data sources beside it. */
export function MainScreen({ onSignOut }: MainScreenProps) {
  const styles = useStyles();
  const { me } = useSession();
  return (
    <>
      <AppHeader me={me} onSignOut={onSignOut} />
      <main className={styles.main}>
        <DirectorySearch />
        <aside className={styles.aside} aria-label="Lookup and data sources">
          <NumberLookup />
          <DataSourcesPanel />
        </aside>
      </main>
    </>
  );
}
