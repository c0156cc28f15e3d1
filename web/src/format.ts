import type { Contact, ContactPhone, PhoneType, SyncMode, SyncPhase, SyncSchedule, SyncStatus } from '../../contracts/index.ts';
import { formatLocale, i18n } from './i18n/i18n.ts';

type Unit = 'second' | 'minute' | 'hour' | 'millisecond';

interface Formats {
  number: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
  rate: Intl.NumberFormat;
  smallRate: Intl.NumberFormat;
  weekday: Intl.DateTimeFormat;
  units: Map<Unit, Intl.NumberFormat>;
}

const formatsByLocale = new Map<string, Formats>();

/** Intl formatters for the app's language (see `formatLocale`), made once per locale. */
function formats(): Formats {
  const locale = formatLocale();
  let found = formatsByLocale.get(locale);
  if (found === undefined) {
    found = {
      number: new Intl.NumberFormat(locale),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      rate: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      smallRate: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
      units: new Map(),
    };
    formatsByLocale.set(locale, found);
  }
  return found;
}

export function formatCount(n: number): string {
  return formats().number.format(n);
}

/** "12 Mar 2026, 14:05 (3 minutes ago)". */
export function formatTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return i18n.t('common:dash');
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return `${formats().date.format(time)} (${formatRelative(time - now)})`;
}

/** "12 Mar 2026, 14:05", for a `title` next to a relative time; '' when there is no time. */
export function formatAbsoluteTime(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isFinite(time) ? formats().date.format(time) : iso;
}

/** "3 minutes ago", "in 12 minutes", "now"; '—' when there is no time. */
export function formatRelativeTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return i18n.t('common:dash');
  const time = Date.parse(iso);
  return Number.isFinite(time) ? formatRelative(time - now) : iso;
}

function formatRelative(deltaMs: number): string {
  const relativeFormat = formats().relative;
  const seconds = Math.round(deltaMs / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relativeFormat.format(seconds, 'second');
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / 86_400), 'day');
}

function unit(value: number, name: Unit): string {
  const { units } = formats();
  let format = units.get(name);
  if (format === undefined) {
    format = new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
    units.set(name, format);
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

/** "3,950/s" (objects per second). */
export function formatRate(perSecond: number): string {
  const { rate, smallRate } = formats();
  return `${(perSecond < 10 ? smallRate : rate).format(perSecond)}/s`;
}

/** "about 15 sec left". */
export function formatEta(seconds: number): string {
  return i18n.t('sync:format.eta', { duration: formatDuration(seconds * 1000) });
}

/**
 * "3,015 of 20,000"; "21,017 (20,000 counted at start)" when contacts were added during the
 * import, as the total is the `$count` taken when it began; just the count when there is none.
 */
export function formatReadOfTotal(read: number, total: number | null): string {
  if (total === null) return formatCount(read);
  const counts = { read: formatCount(read), total: formatCount(total) };
  return i18n.t(read <= total ? 'sync:format.readOfTotal' : 'sync:format.readBeyondTotal', counts);
}

/** "3 × 429, waited 12 sec"; "none" when Graph never throttled. */
export function formatThrottling(responses: number, waitedMs: number): string {
  if (responses === 0 && waitedMs === 0) return i18n.t('common:none');
  return i18n.t('sync:format.throttling', { responses: formatCount(responses), duration: formatDuration(waitedMs) });
}

/** 4 Jan 1970 was a Sunday: day d (0 = Sunday) is 4 + d January. */
export const weekdayName = (day: number): string => formats().weekday.format(Date.UTC(1970, 0, 4 + day));
/** Monday first, as schedules are read in Europe; Sunday (0) last. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const weekPosition = (day: number): number => WEEK_ORDER.findIndex((d) => d === day);

/** "Mon–Fri", "Mon, Wed, Fri", "Sat–Sun"; '' for every day. */
export function formatDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 0 || set.size === 7) return '';
  const runs: number[][] = [];
  for (const day of WEEK_ORDER) {
    if (!set.has(day)) continue;
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last !== undefined && previous !== undefined && weekPosition(previous) === weekPosition(day) - 1) last.push(day);
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
      ? i18n.t('sync:format.everyHour')
      : i18n.t('sync:format.every', {
          duration: intervalMinutes % 60 === 0 ? unit(intervalMinutes / 60, 'hour') : unit(intervalMinutes, 'minute'),
        });
  const days = formatDays(schedule.days);
  const window = schedule.window !== null ? `${schedule.window.from}–${schedule.window.to}` : '';
  const when = [days, window].filter((part) => part !== '').join(' ');
  return when === '' ? every : `${every}, ${when}`;
}

export const phoneLabel = (type: PhoneType): string => i18n.t(`directory:phone.${type}`);

/** One word for a sync phase. */
export const phaseLabel = (phase: SyncPhase): string => i18n.t(`sync:phase.${phase}`);

export const modeLabel = (mode: SyncMode): string => i18n.t(`sync:mode.${mode}`);

/** Why the last round failed, by its code; the API's English sentence for a code this build does not know (or none). */
export function syncErrorText(status: Pick<SyncStatus, 'lastError' | 'lastErrorCode' | 'lastErrorStatus'>): string | null {
  if (status.lastError === null) return null;
  if (status.lastErrorCode === null) return status.lastError;
  return i18n.t(`sync:error.${status.lastErrorCode}`, { status: status.lastErrorStatus, defaultValue: status.lastError });
}

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
  return contact.displayName ?? (person !== '' ? person : null) ?? contact.companyName ?? contact.mail ?? i18n.t('directory:unnamedContact');
}
