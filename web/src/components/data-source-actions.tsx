import { useState } from 'react';
import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SplitButton,
  type MenuButtonProps,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowSyncRegular,
  DeleteRegular,
  EditRegular,
  MoreHorizontalRegular,
  PauseCircleRegular,
  PlayCircleRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSourceView } from '../../../contracts/index.ts';
import { formatCount } from '../format.ts';
import { useSession } from '../hooks/use-session.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

export interface DataSourceActionsProps {
  source: DataSourceView;
  contactCount: number;
  /** A round is running or starting: sync buttons wait. */
  syncing: boolean;
  onSync: (full: boolean) => void;
  onEdit: () => void;
  /** The source changed (enabled, disabled): the list reloads. */
  onChanged: () => void;
  /** The source is gone with its contacts. */
  onDeleted: () => void;
  onError: (error: unknown) => void;
}

type Pending = 'full' | 'delete' | null;

/** What administrators do with a data source: sync now, full resync, edit, enable or disable, delete. */
export function DataSourceActions({ source, contactCount, syncing, onSync, onEdit, onChanged, onDeleted, onError }: DataSourceActionsProps) {
  const { t } = useTranslation('sources');
  const { api } = useSession();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<unknown>, done: () => void): void => {
    setBusy(true);
    action().then(
      () => {
        setBusy(false);
        setConfirm(null);
        done();
      },
      (error: unknown) => {
        setBusy(false);
        setConfirm(null);
        onError(error);
      },
    );
  };

  return (
    <>
      <Menu positioning="below-end">
        <MenuTrigger disableButtonEnhancement>
          {(triggerProps: MenuButtonProps) => (
            <SplitButton
              size="small"
              icon={<ArrowSyncRegular />}
              disabled={syncing || !source.enabled}
              menuButton={{ ...triggerProps, 'aria-label': t('moreSync', { name: source.name }) }}
              primaryActionButton={{ onClick: () => onSync(false) }}
            >
              {t('syncNow')}
            </SplitButton>
          )}
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<ArrowClockwiseRegular />} onClick={() => setConfirm('full')}>
              {t('fullResync')}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu positioning="below-end">
        <MenuTrigger disableButtonEnhancement>
          {/* Focusable while busy: the menu hands the focus back to this button as it closes, and a disabled one would drop it. */}
          <Button appearance="subtle" size="small" icon={<MoreHorizontalRegular />} aria-label={t('actions', { name: source.name })} disabledFocusable={busy} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<EditRegular />} onClick={onEdit}>
              {t('edit')}
            </MenuItem>
            <MenuItem
              icon={source.enabled ? <PauseCircleRegular /> : <PlayCircleRegular />}
              onClick={() => run(() => api.updateDataSource(source.id, { enabled: !source.enabled }), onChanged)}
            >
              {source.enabled ? t('disable') : t('enable')}
            </MenuItem>
            <MenuDivider />
            <MenuItem icon={<DeleteRegular />} onClick={() => setConfirm('delete')}>
              {t('delete')}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <ConfirmDialog
        open={confirm === 'full'}
        title={t('confirmFull.title', { name: source.name })}
        confirmLabel={t('confirmFull.confirm')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          onSync(true);
        }}
      >
        {t('confirmFull.body')}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        destructive
        busy={busy}
        title={t('confirmDelete.title', { name: source.name })}
        confirmLabel={t('confirmDelete.confirm')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => run(() => api.deleteDataSource(source.id), onDeleted)}
      >
        <p>{t('confirmDelete.body', { count: contactCount, formatted: formatCount(contactCount) })}</p>
        {source.appObjectId !== null && <p>{t('confirmDelete.app')}</p>}
      </ConfirmDialog>
    </>
  );
}

