import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncSchedule, SyncStatus } from '../../../contracts/index.ts';
import { describeError } from '../api/error-text.ts';
import { DefinitionList, type Definition } from './definition-list.tsx';
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
  syncErrorText,
} from '../format.ts';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface SyncStatusDetailsProps {
  status: SyncStatus | null;
  error: unknown;
  schedule: SyncSchedule;
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
  const lastError = syncErrorText(status);
  const rows: Definition[] = [
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
      value: lastError ?? t('common:none'),
      ...(lastError !== null ? { className: styles.error } : {}),
    },
    {
      term: t('details.nextRun'),
      value: status.running ? t('details.runningNow') : formatRelativeTime(status.nextRunAt),
      title: status.running ? '' : formatAbsoluteTime(status.nextRunAt),
    },
    { term: t('details.schedule'), value: formatSchedule(schedule) },
  );
  return <DefinitionList rows={rows} compact />;
}
