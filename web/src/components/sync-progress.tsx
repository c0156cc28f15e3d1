import { Caption1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../contracts/index.ts';
import { formatEta, formatRate, formatReadOfTotal } from '../format.ts';
import { i18n } from '../i18n/i18n.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  warning: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

/** "Importing 42,113 of 100,000 · 3,950/s · about 15 sec left". */
export function importText(status: SyncStatus): string {
  const read =
    status.total !== null || status.read > 0
      ? i18n.t('sync:progress.importing', { progress: formatReadOfTotal(status.read, status.total) })
      : i18n.t('sync:progress.starting');
  const parts: string[] = [read];
  if (status.ratePerSecond !== null && status.ratePerSecond > 0) parts.push(formatRate(status.ratePerSecond));
  if (status.etaSeconds !== null) parts.push(formatEta(status.etaSeconds));
  return parts.join(' · ');
}

export interface SyncProgressProps {
  status: SyncStatus;
  /** Names the progress bar: "Import progress of <name>". */
  sourceName: string;
}

/**
 * What a running round is doing: a progress bar and counts during a full import, "Reading
 * changes…" during a delta round, and a warning line while Graph throttles. Nothing when idle.
 * The text changes every poll, so it is not a live region (the row announces phase changes).
 */
export function SyncProgress({ status, sourceName }: SyncProgressProps) {
  const styles = useStyles();
  const { t } = useTranslation('sync');
  if (!status.running) return null;
  const full = status.mode === 'full' || status.phase === 'initial';
  const fraction = status.total !== null && status.total > 0 ? Math.min(1, status.read / status.total) : undefined;
  const text = full ? importText(status) : t('progress.readingChanges');
  return (
    <div className={styles.box}>
      {full && (
        <ProgressBar
          aria-label={t('progress.label', { name: sourceName })}
          aria-valuetext={text}
          thickness="large"
          value={fraction}
          max={1}
          {...(status.phase === 'throttled' ? { color: 'warning' as const } : {})}
        />
      )}
      <Caption1 className={styles.muted}>{text}</Caption1>
      {status.phase === 'throttled' && (
        <Caption1 className={styles.warning}>
          <WarningRegular aria-hidden />
          {t('progress.throttled')}
        </Caption1>
      )}
    </div>
  );
}
