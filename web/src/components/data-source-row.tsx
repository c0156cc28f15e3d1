import { useState } from 'react';
import { Badge, Body1Strong, Button, Caption1, makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSourceView } from '../../../contracts/index.ts';
import { formatCount } from '../format.ts';
import { useSession } from '../hooks/use-session.ts';
import { useSyncAnnouncement } from '../hooks/use-sync-announcement.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { DataSourceActions } from './data-source-actions.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { SyncPhaseBadge } from './sync-phase-badge.tsx';
import { SyncProgress } from './sync-progress.tsx';
import { SyncStatusDetails } from './sync-status-details.tsx';
import { useVisuallyHiddenStyles } from './visually-hidden.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  name: { marginRight: 'auto', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  tooltip: { maxWidth: '380px' },
});

export interface DataSourceRowProps {
  source: DataSourceView;
  /** Administrators only: open the wizard on this source. */
  onEdit: () => void;
  /** The source changed: reload the list. */
  onChanged: () => void;
  /** The source was deleted. */
  onDeleted: () => void;
}

/**
 * One data source: name, type, priority, size, enabled, live sync status (the info icon's tooltip)
 * and progress; for administrators, sync and management actions.
 */
export function DataSourceRow({ source, onEdit, onChanged, onDeleted }: DataSourceRowProps) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { t } = useTranslation('sources');
  const { api, me } = useSession();
  const sync = useSyncStatus(source.id);
  const [starting, setStarting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const contactCount = sync.status?.contactCount ?? source.contactCount;
  const announcement = useSyncAnnouncement(source.name, sync.status);

  const start = (full: boolean): void => {
    setStarting(true);
    setActionError(null);
    api.startSync(source.id, { full }).then(
      (status) => {
        sync.update(status, { started: true });
        setStarting(false);
      },
      (error: unknown) => {
        setActionError(error);
        setStarting(false);
      },
    );
  };

  return (
    <li className={styles.row} aria-label={source.name}>
      <div className={styles.top}>
        <Body1Strong className={styles.name}>{source.name}</Body1Strong>
        <Tooltip
          relationship="description"
          withArrow
          positioning="below-end"
          content={{
            className: styles.tooltip,
            children: <SyncStatusDetails status={sync.status} error={sync.error} schedule={source.schedule} />,
          }}
        >
          <Button appearance="subtle" size="small" icon={<InfoRegular />} aria-label={t('statusOf', { name: source.name })} />
        </Tooltip>
        {me.isAdmin && (
          <DataSourceActions
            source={source}
            contactCount={contactCount}
            syncing={starting || sync.status?.running === true}
            onSync={start}
            onEdit={onEdit}
            onChanged={() => {
              setActionError(null);
              onChanged();
            }}
            onDeleted={onDeleted}
            onError={setActionError}
          />
        )}
      </div>
      <div className={styles.meta}>
        <Caption1 className={styles.muted}>{t(`type.${source.type}`)}</Caption1>
        <Caption1 className={styles.muted}>{t('priority', { priority: source.priority })}</Caption1>
        <Caption1 className={styles.muted}>{t('contacts', { count: contactCount, formatted: formatCount(contactCount) })}</Caption1>
      </div>
      <div className={styles.meta}>
        <Badge appearance="outline" color={source.enabled ? 'success' : 'informative'} size="small">
          {source.enabled ? t('enabled') : t('disabled')}
        </Badge>
        {me.isAdmin && !source.hasSecret && (
          <Badge appearance="outline" color="danger" size="small">
            {t('noApp')}
          </Badge>
        )}
        <SyncPhaseBadge status={sync.status} />
      </div>
      {sync.status !== null && <SyncProgress status={sync.status} sourceName={source.name} />}
      <div className={hidden.hidden} aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {actionError !== null && <ErrorMessageBar error={actionError} />}
    </li>
  );
}
