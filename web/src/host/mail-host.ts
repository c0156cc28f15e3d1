import type { OfficeApi } from './office.ts';

/** Who sent the message Outlook shows beside the side panel. */
export interface MessageSender {
  address: string;
  name: string | null;
}

/**
 * The message Outlook shows beside the side panel, as an external store for
 * `useSyncExternalStore`: a pinned pane stays open while the user moves from message to message.
 */
export interface MailHost {
  /** The selected message's sender; null when no message is selected or it has no sender. */
  sender(): MessageSender | null;
  subscribe(onChange: () => void): () => void;
}

/** Registers the one ItemChanged handler up front: Office.js removes handlers only per event type. */
export function outlookMailHost(office: OfficeApi): MailHost {
  const read = (): MessageSender | null => {
    const from = office.context.mailbox?.item?.from;
    if (!from?.emailAddress) return null;
    return { address: from.emailAddress, name: from.displayName || null };
  };
  let current = read();
  const listeners = new Set<() => void>();
  office.context.mailbox?.addHandlerAsync(office.EventType.ItemChanged, () => {
    current = read();
    for (const listener of listeners) listener();
  });
  return {
    sender: () => current,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
  };
}
