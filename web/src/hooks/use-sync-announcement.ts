import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../contracts/index.ts';
import { syncErrorText } from '../format.ts';

/** What a phase change sounds like to a screen reader; keyed so that poll ticks say nothing. */
function announcementKey(status: SyncStatus | null): string {
  if (status === null) return '';
  return status.running ? `running:${status.phase}` : `done:${status.phase === 'error' ? 'error' : 'idle'}`;
}

function announcementText(t: TFunction<'sync'>, name: string, status: SyncStatus): string {
  if (status.running) {
    if (status.phase === 'throttled') return t('announce.throttled', { name });
    if (status.phase === 'delta' || status.mode === 'delta') return t('announce.delta', { name });
    return t('announce.initial', { name });
  }
  if (status.phase === 'error') return t('announce.failed', { name, error: syncErrorText(status) ?? '' }).trim();
  return t('announce.finished', { name });
}

/**
 * The sentence a live region should say for this status: only when the phase changed, never for
 * the first status seen (the baseline) or for a poll that changed nothing but numbers.
 */
export function useSyncAnnouncement(name: string, status: SyncStatus | null): string {
  const { t } = useTranslation('sync');
  const key = announcementKey(status);
  const [announced, setAnnounced] = useState({ key: '', text: '' });
  if (key !== announced.key && status !== null) {
    setAnnounced({ key, text: announced.key === '' ? '' : announcementText(t, name, status) });
  }
  return announced.text;
}
