import type { Contact, ContactPhone, PhoneType, SyncMode, SyncPhase, SyncSchedule } from '../../contracts/index.ts';

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

/** "12 Mar 2026, 14:05", for a `title` next to a relative time; '' when there is no time. */
export function formatAbsoluteTime(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isFinite(time) ? dateFormat.format(time) : iso;
}

/** "3 minutes ago", "in 12 minutes", "now"; '—' when there is no time. */
export function formatRelativeTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  return Number.isFinite(time) ? formatRelative(time - now) : iso;
}

function formatRelative(deltaMs: number): string {
  const seconds = Math.round(deltaMs / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relativeFormat.format(seconds, 'second');
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / 86_400), 'day');
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(value: number, name: 'second' | 'minute' | 'hour' | 'millisecond'): string {
  let format = unitFormats.get(name);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
    unitFormats.set(name, format);
  }
  return format.format(value);
}

/** A span of time for people: "850 ms", "12 sec", "3 min 5 sec", "2 hr 10 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return unit(Math.round(ms), 'millisecond');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest === 0 ? unit(minutes, 'minute') : `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

const rateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const smallRateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "3,950/s" (objects per second). */
export function formatRate(perSecond: number): string {
  return `${(perSecond < 10 ? smallRateFormat : rateFormat).format(perSecond)}/s`;
}

/** "about 15 sec left". */
export function formatEta(seconds: number): string {
  return `about ${formatDuration(seconds * 1000)} left`;
}

/**
 * "3,015 of 20,000"; "21,017 (20,000 counted at start)" when contacts were added during the
 * import, as the total is the `$count` taken when it began; just the count when there is none.
 */
export function formatReadOfTotal(read: number, total: number | null): string {
  if (total === null) return formatCount(read);
  if (read <= total) return `${formatCount(read)} of ${formatCount(total)}`;
  return `${formatCount(read)} (${formatCount(total)} counted at start)`;
}

/** "3 × 429, waited 12 sec"; "none" when Graph never throttled. */
export function formatThrottling(responses: number, waitedMs: number): string {
  if (responses === 0 && waitedMs === 0) return 'None';
  return `${formatCount(responses)} × 429, waited ${formatDuration(waitedMs)}`;
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
/** 4 Jan 1970 was a Sunday: day d (0 = Sunday) is 4 + d January. */
const weekdayName = (day: number): string => weekdayFormat.format(Date.UTC(1970, 0, 4 + day));
/** Monday first, as schedules are read in Europe; Sunday (0) last. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** "Mon–Fri", "Mon, Wed, Fri", "Sat–Sun"; '' for every day. */
export function formatDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 0 || set.size === 7) return '';
  const runs: number[][] = [];
  for (const day of WEEK_ORDER) {
    if (!set.has(day)) continue;
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last !== undefined && previous !== undefined && WEEK_ORDER.indexOf(previous) === WEEK_ORDER.indexOf(day) - 1) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = run[0] ?? 0;
      const last = run.at(-1) ?? first;
      if (run.length === 1) return weekdayName(first);
      if (run.length === 2) return `${weekdayName(first)}, ${weekdayName(last)}`;
      return `${weekdayName(first)}–${weekdayName(last)}`;
    })
    .join(', ');
}

/** "every 15 min, Mon–Fri 07:00–19:00"; "every hour" when nothing else narrows it. */
export function formatSchedule(schedule: SyncSchedule): string {
  const { intervalMinutes } = schedule;
  const every =
    intervalMinutes === 60
      ? 'every hour'
      : intervalMinutes % 60 === 0
        ? `every ${unit(intervalMinutes / 60, 'hour')}`
        : `every ${unit(intervalMinutes, 'minute')}`;
  const days = formatDays(schedule.days);
  const window = schedule.window !== null ? `${schedule.window.from}–${schedule.window.to}` : '';
  const when = [days, window].filter((part) => part !== '').join(' ');
  return when === '' ? every : `${every}, ${when}`;
}

export const PHONE_LABELS: Record<PhoneType, string> = {
  business: 'Business',
  mobile: 'Mobile',
  businessFax: 'Fax',
};

export const PHASE_LABELS: Record<SyncPhase, string> = {
  idle: 'Idle',
  initial: 'Initial import',
  delta: 'Reading changes',
  throttled: 'Waiting for throttling',
  error: 'Error',
};

export const MODE_LABELS: Record<SyncMode, string> = {
  full: 'Full import',
  delta: 'Changes only',
};

/** The `tel:` target: E.164 when known, else the stored number without its punctuation. */
/** RFC 3966: a suffix extension travels as `;ext=`; a direct-dial one is already in the E.164 digits. */
export function telHref(phone: ContactPhone): string {
  if (!phone.e164) return `tel:${phone.original.replace(/[^\d+*#,;=a-zA-Z]/g, '')}`;
  const suffix = phone.extension && !phone.e164.endsWith(phone.extension) ? `;ext=${phone.extension}` : '';
  return `tel:${phone.e164}${suffix}`;
}

/** The best name a contact has; company entries may have no person name at all. */
export function contactName(contact: Contact): string {
  const person = [contact.givenName, contact.surname].filter((part) => part !== null && part !== '').join(' ');
  return contact.displayName ?? (person !== '' ? person : null) ?? contact.companyName ?? contact.mail ?? 'Unnamed contact';
}
