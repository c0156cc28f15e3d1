import { useState } from 'react';
import { Badge, Body1Strong, Button, Caption1, makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, InfoRegular } from '@fluentui/react-icons';
import type { DataSourceView } from '../../../contracts/index.ts';
import { formatCount } from '../format.ts';
import { useSession } from '../hooks/use-session.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { SyncPhaseBadge } from './sync-phase-badge.tsx';
import { SyncStatusDetails } from './sync-status-details.tsx';

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
  tooltip: { maxWidth: '360px' },
});

export interface DataSourceRowProps {
  source: DataSourceView;
}

/** One data source: name, size, enabled, live sync status, and "Sync now" for admins. */
export function DataSourceRow({ source }: DataSourceRowProps) {
  const styles = useStyles();
  const { api, me } = useSession();
  const sync = useSyncStatus(source.id);
  const [starting, setStarting] = useState(false);
  const [syncError, setSyncError] = useState<unknown>(null);
  const contactCount = sync.status?.contactCount ?? source.contactCount;

  const syncNow = (): void => {
    setStarting(true);
    setSyncError(null);
    api.startSync(source.id).then(
      (status) => {
        sync.update(status);
        setStarting(false);
      },
      (error: unknown) => {
        setSyncError(error);
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
            children: <SyncStatusDetails status={sync.status} error={sync.error} />,
          }}
        >
          <Button
            appearance="subtle"
            size="small"
            icon={<InfoRegular />}
            aria-label={`Sync status of ${source.name}`}
          />
        </Tooltip>
        {me.isAdmin && (
          <Button
            size="small"
            icon={<ArrowSyncRegular />}
            disabled={starting || sync.status?.running === true || !source.enabled}
            onClick={syncNow}
          >
            Sync now
          </Button>
        )}
      </div>
      <div className={styles.meta}>
        <Caption1 className={styles.muted}>{formatCount(contactCount)} contacts</Caption1>
        <Badge appearance="outline" color={source.enabled ? 'success' : 'informative'} size="small">
          {source.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
        <SyncPhaseBadge status={sync.status} />
      </div>
      {syncError !== null && <ErrorMessageBar error={syncError} />}
    </li>
  );
}
