import { useId } from 'react';
import { Body1, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import type { DataSourceView } from '../../../contracts/index.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { useSession } from '../hooks/use-session.ts';
import { DataSourceRow } from './data-source-row.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The configured data sources and how their sync is doing. */
export function DataSourcesPanel() {
  const styles = useStyles();
  const headingId = useId();
  const { api } = useSession();
  const sources = useApiQuery<DataSourceView[]>('datasources', (signal) => api.dataSources(signal));

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        Data sources
      </Subtitle2>
      {sources.loading && <Spinner size="tiny" label="Loading data sources…" />}
      {sources.error !== null && <ErrorMessageBar error={sources.error} />}
      {sources.data !== null && sources.data.length === 0 && (
        <Body1 className={styles.muted}>No data sources are configured yet.</Body1>
      )}
      {sources.data !== null && sources.data.length > 0 && (
        <ul className={styles.list} aria-labelledby={headingId}>
          {sources.data.map((source) => (
            <DataSourceRow key={source.id} source={source} />
          ))}
        </ul>
      )}
    </section>
  );
}
