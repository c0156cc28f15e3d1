import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SyncSchedule, SyncStatus } from '../../../contracts/index.ts';
import { describeError } from '../api/error-text.ts';
import {
  formatAbsoluteTime,
  formatCount,
  formatDuration,
  formatEta,
  formatRate,
  formatReadOfTotal,
  formatRelativeTime,
  formatSchedule,
  formatThrottling,
  MODE_LABELS,
  PHASE_LABELS,
} from '../format.ts';

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
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface SyncStatusDetailsProps {
  status: SyncStatus | null;
  error: unknown;
  schedule: SyncSchedule;
}

interface Row {
  term: string;
  value: ReactNode;
  title?: string;
  className?: string;
}

/** The sync status as a definition list: phase, progress, throttling, last success and error, next run. */
export function SyncStatusDetails({ status, error, schedule }: SyncStatusDetailsProps) {
  const styles = useStyles();
  if (status === null) {
    return <span>{error !== null ? `Status unavailable: ${describeError(error).title}` : 'Loading sync status…'}</span>;
  }
  const rows: Row[] = [
    { term: 'Phase', value: `${PHASE_LABELS[status.phase]}${status.running ? ' (running)' : ''}` },
    { term: status.running ? 'Mode' : 'Last round', value: status.mode !== null ? MODE_LABELS[status.mode] : '—' },
    { term: 'Read', value: formatReadOfTotal(status.read, status.total) },
    { term: 'Contacts', value: formatCount(status.contactCount) },
    { term: 'Requests', value: formatCount(status.requests) },
    { term: 'Throttled', value: formatThrottling(status.throttledResponses, status.throttledWaitMs) },
    { term: 'Rate', value: status.ratePerSecond !== null ? formatRate(status.ratePerSecond) : '—' },
  ];
  if (status.running && status.etaSeconds !== null) rows.push({ term: 'Time left', value: formatEta(status.etaSeconds) });
  rows.push(
    {
      term: 'Last success',
      value: formatRelativeTime(status.lastSuccessAt),
      title: formatAbsoluteTime(status.lastSuccessAt),
    },
    { term: 'Last duration', value: status.lastDurationMs !== null ? formatDuration(status.lastDurationMs) : '—' },
    {
      term: 'Last error',
      value: status.lastError ?? 'None',
      ...(status.lastError !== null ? { className: styles.error } : {}),
    },
    {
      term: 'Next run',
      value: status.running ? 'Running now' : formatRelativeTime(status.nextRunAt),
      title: status.running ? '' : formatAbsoluteTime(status.nextRunAt),
    },
    { term: 'Schedule', value: formatSchedule(schedule) },
  );
  return (
    <dl className={styles.list}>
      {rows.map(({ term, value, title, className }) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={mergeClasses(styles.value, className)} title={title !== undefined && title !== '' ? title : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
