import { makeStyles, tokens } from '@fluentui/react-components';
import type { SyncStatus } from '../../../contracts/index.ts';
import { describeError } from '../api/error-text.ts';
import { formatCount, formatTime, PHASE_LABELS } from '../format.ts';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface SyncStatusDetailsProps {
  status: SyncStatus | null;
  error: unknown;
}

/** The sync status as a definition list: phase, progress, last success and error, next run. */
export function SyncStatusDetails({ status, error }: SyncStatusDetailsProps) {
  const styles = useStyles();
  if (status === null) {
    return <span>{error !== null ? `Status unavailable: ${describeError(error).title}` : 'Loading sync status…'}</span>;
  }
  const progress =
    status.total !== null ? `${formatCount(status.read)} of ${formatCount(status.total)}` : formatCount(status.read);
  const rows: [string, string][] = [
    ['Phase', `${PHASE_LABELS[status.phase]}${status.running ? ' (running)' : ''}`],
    ['Read', progress],
    ['Contacts', formatCount(status.contactCount)],
    ['Last success', formatTime(status.lastSuccessAt)],
    ['Last error', status.lastError ?? 'None'],
    ['Next run', status.running ? 'Running now' : formatTime(status.nextRunAt)],
  ];
  if (status.throttledResponses > 0) {
    rows.push(['Throttled', `${formatCount(status.throttledResponses)} of ${formatCount(status.requests)} requests`]);
  }
  return (
    <dl className={styles.list}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
