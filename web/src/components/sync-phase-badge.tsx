import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { SyncStatus } from '../../../contracts/index.ts';
import { PHASE_LABELS } from '../format.ts';

function badgeFor(status: SyncStatus): { color: BadgeProps['color']; text: string } {
  switch (status.phase) {
    case 'error':
      return { color: 'danger', text: PHASE_LABELS.error };
    case 'throttled':
      return { color: 'warning', text: PHASE_LABELS.throttled };
    case 'initial':
    case 'delta':
      return { color: 'brand', text: PHASE_LABELS[status.phase] };
    case 'idle':
      return status.lastSuccessAt !== null
        ? { color: 'success', text: 'Up to date' }
        : { color: 'informative', text: PHASE_LABELS.idle };
  }
}

/** One word for the sync state, coloured. */
export function SyncPhaseBadge({ status }: { status: SyncStatus | null }) {
  if (status === null) return null;
  const { color, text } = badgeFor(status);
  return (
    <Badge appearance="tint" color={color} size="medium">
      {text}
    </Badge>
  );
}
