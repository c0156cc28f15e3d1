import type { Contact, ContactPhone, PhoneType, SyncPhase } from '../../contracts/index.ts';

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "12 Mar 2026, 14:05 (3 minutes ago)". */
export function formatTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return `${dateFormat.format(time)} (${formatRelative(time - now)})`;
}

function formatRelative(deltaMs: number): string {
  const seconds = Math.round(deltaMs / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relativeFormat.format(seconds, 'second');
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / 86_400), 'day');
}

export const PHONE_LABELS: Record<PhoneType, string> = {
  business: 'Business',
  mobile: 'Mobile',
  businessFax: 'Fax',
};

export const PHASE_LABELS: Record<SyncPhase, string> = {
  idle: 'Idle',
  initial: 'First import',
  delta: 'Reading changes',
  throttled: 'Throttled, waiting',
  error: 'Error',
};

/** The `tel:` target: E.164 when known, else the stored number without its punctuation. */
export function telHref(phone: ContactPhone): string {
  const target = phone.e164 ?? phone.original.replace(/[^\d+*#,;=a-zA-Z]/g, '');
  return `tel:${target}`;
}

/** The best name a contact has; company entries may have no person name at all. */
export function contactName(contact: Contact): string {
  const person = [contact.givenName, contact.surname].filter((part) => part !== null && part !== '').join(' ');
  return contact.displayName ?? (person !== '' ? person : null) ?? contact.companyName ?? contact.mail ?? 'Unnamed contact';
}
