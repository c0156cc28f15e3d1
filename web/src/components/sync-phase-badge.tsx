import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../contracts/index.ts';
import { phaseLabel } from '../format.ts';

function badgeColor(status: SyncStatus): BadgeProps['color'] {
  switch (status.phase) {
    case 'error':
      return 'danger';
    case 'throttled':
      return 'warning';
    case 'initial':
    case 'delta':
      return 'brand';
    case 'idle':
      return status.lastSuccessAt !== null ? 'success' : 'informative';
  }
}

/** One word for the sync state, coloured. */
export function SyncPhaseBadge({ status }: { status: SyncStatus | null }) {
  const { t } = useTranslation('sync');
  if (status === null) return null;
  const upToDate = status.phase === 'idle' && status.lastSuccessAt !== null;
  return (
    <Badge appearance="tint" color={badgeColor(status)} size="medium">
      {upToDate ? t('phase.upToDate') : phaseLabel(status.phase)}
    </Badge>
  );
}
