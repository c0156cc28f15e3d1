import { useState } from 'react';
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SplitButton,
  Tooltip,
  tokens,
  type MenuButtonProps,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowSyncRegular, InfoRegular } from '@fluentui/react-icons';
import type { DataSourceView, SyncStatus } from '../../../contracts/index.ts';
import { formatCount } from '../format.ts';
import { useSession } from '../hooks/use-session.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { SyncPhaseBadge } from './sync-phase-badge.tsx';
import { SyncProgress } from './sync-progress.tsx';
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
  tooltip: { maxWidth: '380px' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** What a phase change sounds like to a screen reader; keyed so that poll ticks say nothing. */
function announcementKey(status: SyncStatus | null): string {
  if (status === null) return '';
  return status.running ? `running:${status.phase}` : `done:${status.phase === 'error' ? 'error' : 'idle'}`;
}

function announcementText(name: string, status: SyncStatus): string {
  if (status.running) {
    switch (status.phase) {
      case 'throttled':
        return `${name}: waiting, Microsoft 365 asked to slow down.`;
      case 'delta':
        return `${name}: reading changes.`;
      default:
        return status.mode === 'delta' ? `${name}: reading changes.` : `${name}: initial import running.`;
    }
  }
  if (status.phase === 'error') return `${name}: sync failed. ${status.lastError ?? ''}`.trim();
  return `${name}: sync finished.`;
}

export interface DataSourceRowProps {
  source: DataSourceView;
}

/** One data source: name, size, enabled, live sync status and progress, and sync actions for admins. */
export function DataSourceRow({ source }: DataSourceRowProps) {
  const styles = useStyles();
  const { api, me } = useSession();
  const sync = useSyncStatus(source.id);
  const [starting, setStarting] = useState(false);
  const [syncError, setSyncError] = useState<unknown>(null);
  const [confirmFull, setConfirmFull] = useState(false);
  const contactCount = sync.status?.contactCount ?? source.contactCount;

  // Announce only phase changes, not every poll: the first status seen sets the baseline silently.
  const key = announcementKey(sync.status);
  const [announced, setAnnounced] = useState({ key: '', text: '' });
  if (key !== announced.key && sync.status !== null) {
    setAnnounced({ key, text: announced.key === '' ? '' : announcementText(source.name, sync.status) });
  }

  const start = (full: boolean): void => {
    setStarting(true);
    setSyncError(null);
    api.startSync(source.id, { full }).then(
      (status) => {
        sync.update(status, { started: true });
        setStarting(false);
      },
      (error: unknown) => {
        setSyncError(error);
        setStarting(false);
      },
    );
  };

  const busy = starting || sync.status?.running === true || !source.enabled;

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
          <Button
            appearance="subtle"
            size="small"
            icon={<InfoRegular />}
            aria-label={`Sync status of ${source.name}`}
          />
        </Tooltip>
        {me.isAdmin && (
          <Menu positioning="below-end">
            <MenuTrigger disableButtonEnhancement>
              {(triggerProps: MenuButtonProps) => (
                <SplitButton
                  size="small"
                  icon={<ArrowSyncRegular />}
                  disabled={busy}
                  menuButton={{ ...triggerProps, 'aria-label': `More sync options for ${source.name}` }}
                  primaryActionButton={{ onClick: () => start(false) }}
                >
                  Sync now
                </SplitButton>
              )}
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem icon={<ArrowClockwiseRegular />} onClick={() => setConfirmFull(true)}>
                  Full resync…
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
      <div className={styles.meta}>
        <Caption1 className={styles.muted}>{formatCount(contactCount)} contacts</Caption1>
        <Badge appearance="outline" color={source.enabled ? 'success' : 'informative'} size="small">
          {source.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
        <SyncPhaseBadge status={sync.status} />
      </div>
      {sync.status !== null && <SyncProgress status={sync.status} sourceName={source.name} />}
      <div className={styles.visuallyHidden} aria-live="polite" aria-atomic="true">
        {announced.text}
      </div>
      {syncError !== null && <ErrorMessageBar error={syncError} />}
      {me.isAdmin && (
        <Dialog open={confirmFull} onOpenChange={(_event, data) => setConfirmFull(data.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Full resync of {source.name}?</DialogTitle>
              <DialogContent>
                Reads every contact again; search keeps working meanwhile. With many contacts this takes a while and
                uses more of the tenant's Microsoft Graph allowance than reading changes.
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setConfirmFull(false)}>
                  Cancel
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirmFull(false);
                    start(true);
                  }}
                >
                  Start full resync
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </li>
  );
}
