import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
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
  modeLabel,
  phaseLabel,
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
  const { t } = useTranslation(['sync', 'common']);
  if (status === null) {
    return <span>{error !== null ? t('details.unavailable', { reason: describeError(error).title }) : t('details.loading')}</span>;
  }
  const dash = t('common:dash');
  const phase = phaseLabel(status.phase);
  const rows: Row[] = [
    { term: t('details.phase'), value: status.running ? t('details.running', { phase }) : phase },
    { term: status.running ? t('details.mode') : t('details.lastRound'), value: status.mode !== null ? modeLabel(status.mode) : dash },
    { term: t('details.read'), value: formatReadOfTotal(status.read, status.total) },
    { term: t('details.contacts'), value: formatCount(status.contactCount) },
    { term: t('details.requests'), value: formatCount(status.requests) },
    { term: t('details.throttled'), value: formatThrottling(status.throttledResponses, status.throttledWaitMs) },
    { term: t('details.rate'), value: status.ratePerSecond !== null ? formatRate(status.ratePerSecond) : dash },
  ];
  if (status.running && status.etaSeconds !== null) rows.push({ term: t('details.timeLeft'), value: formatEta(status.etaSeconds) });
  rows.push(
    {
      term: t('details.lastSuccess'),
      value: formatRelativeTime(status.lastSuccessAt),
      title: formatAbsoluteTime(status.lastSuccessAt),
    },
    { term: t('details.lastDuration'), value: status.lastDurationMs !== null ? formatDuration(status.lastDurationMs) : dash },
    {
      term: t('details.lastError'),
      value: status.lastError ?? t('common:none'),
      ...(status.lastError !== null ? { className: styles.error } : {}),
    },
    {
      term: t('details.nextRun'),
      value: status.running ? t('details.runningNow') : formatRelativeTime(status.nextRunAt),
      title: status.running ? '' : formatAbsoluteTime(status.nextRunAt),
    },
    { term: t('details.schedule'), value: formatSchedule(schedule) },
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
