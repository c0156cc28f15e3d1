import { lazy, Suspense, useState } from 'react';
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DataSourceView, ReplacedApp } from '../../../contracts/index.ts';
import type { WizardOutcome } from '../admin/data-source-wizard.tsx';
import { AppHeader } from './app-header.tsx';
import { DataSourcesPanel } from './data-sources-panel.tsx';
import { DirectorySearch } from './directory-search.tsx';
import { NumberLookup } from './number-lookup.tsx';
import { useLastingFocusManagement } from '../hooks/use-lasting-focus-management.ts';
import { useSession } from '../hooks/use-session.ts';

// Only administrators open the wizard: everyone else never loads it.
const DataSourceWizard = lazy(() => import('../admin/data-source-wizard.tsx').then((module) => ({ default: module.DataSourceWizard })));

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
  loading: { margin: tokens.spacingVerticalXXL },
});

type View = { name: 'directory'; notice: string | null; keptApp: ReplacedApp | null } | { name: 'wizard'; source: DataSourceView | null };

const directoryView = (notice: string | null = null, keptApp: ReplacedApp | null = null): View => ({ name: 'directory', notice, keptApp });

export interface MainScreenProps {
  onSignOut: (() => void) | null;
}

/** Search on the left (or on top in a narrow pane), caller lookup and data sources beside it; or the data source wizard. */
export function MainScreen({ onSignOut }: MainScreenProps) {
  const styles = useStyles();
  const { t } = useTranslation(['common', 'sources']);
  const { me } = useSession();
  const [view, setView] = useState<View>(directoryView());
  useLastingFocusManagement();

  const closeWizard = (outcome: WizardOutcome): void => {
    if (outcome.kind === 'cancelled') {
      setView(directoryView());
      return;
    }
    const { source, replaced } = outcome;
    const saved = t(outcome.kind === 'created' ? 'sources:created' : 'sources:saved', { name: source.name });
    // A replaced app Entra deleted is part of the news; one it kept is a warning of its own.
    const notice = replaced?.removed === true ? `${saved} ${t('sources:replacedAppRemoved', { clientId: replaced.clientId })}` : saved;
    setView(directoryView(notice, replaced?.removed === false ? replaced : null));
  };

  return (
    <>
      <AppHeader me={me} onSignOut={onSignOut} />
      {view.name === 'wizard' ? (
        <Suspense fallback={<Spinner className={styles.loading} label={t('common:loading')} />}>
          <DataSourceWizard source={view.source} onClose={closeWizard} />
        </Suspense>
      ) : (
        <main className={styles.main}>
          <DirectorySearch />
          <aside className={styles.aside} aria-label={t('main.aside')}>
            <NumberLookup />
            <DataSourcesPanel
              notice={view.notice}
              onNotice={(notice) => setView(directoryView(notice, view.keptApp))}
              keptApp={view.keptApp}
              onDismissKeptApp={() => setView(directoryView(view.notice))}
              onAdd={() => setView({ name: 'wizard', source: null })}
              onEdit={(source) => setView({ name: 'wizard', source })}
            />
          </aside>
        </main>
      )}
    </>
  );
}
