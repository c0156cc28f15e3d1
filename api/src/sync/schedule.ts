import type { SyncSchedule } from '../../../contracts/index.ts';

const MINUTE = 60_000;

/**
 * When the next delta round runs: an interval after `after`, moved forward to the next moment the
 * schedule allows (allowed weekday, inside the time window; server local time). A window whose
 * `from` is later than its `to` spans midnight; its early-morning part counts to that calendar day.
 */
export function nextRunAt(after: Date, schedule: SyncSchedule): Date {
  return firstAllowed(new Date(after.getTime() + schedule.intervalMinutes * MINUTE), schedule);
}

export function isAllowed(at: Date, schedule: SyncSchedule): boolean {
  if (schedule.days.length > 0 && !schedule.days.includes(at.getDay())) return false;
  if (!schedule.window) return true;
  const minute = at.getHours() * 60 + at.getMinutes();
  const from = minutesOf(schedule.window.from);
  const to = minutesOf(schedule.window.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

function firstAllowed(candidate: Date, schedule: SyncSchedule): Date {
  if (isAllowed(candidate, schedule)) return candidate;
  const from = schedule.window ? minutesOf(schedule.window.from) : 0;
  for (let day = 0; day <= 7; day++) {
    const start = new Date(candidate);
    start.setDate(start.getDate() + day);
    start.setHours(Math.floor(from / 60), from % 60, 0, 0);
    if (start >= candidate && isAllowed(start, schedule)) return start;
  }
  // Unreachable for a valid schedule (some day and minute is always allowed), but never spin.
  return candidate;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
