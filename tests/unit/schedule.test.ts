import { describe, expect, it } from 'vitest';
import type { SyncSchedule } from '../../contracts/index.ts';
import { isAllowed, nextRunAt } from '../../api/src/sync/schedule.ts';

// Local time, as the scheduler uses it. 2026-11-30 is a Monday.
const at = (day: number, h: number, m = 0) => new Date(2026, 10, 30 + day, h, m);
const schedule = (s: Partial<SyncSchedule>): SyncSchedule => ({ intervalMinutes: 15, days: [], window: null, ...s });

describe('nextRunAt', () => {
  it('adds the interval when nothing restricts it', () => {
    expect(nextRunAt(at(0, 10), schedule({}))).toEqual(at(0, 10, 15));
  });

  it('waits for the window to open', () => {
    expect(nextRunAt(at(0, 5), schedule({ window: { from: '07:00', to: '19:00' } }))).toEqual(at(0, 7));
  });

  it('moves past the window\'s end to the next day\'s start', () => {
    expect(nextRunAt(at(0, 18, 50), schedule({ window: { from: '07:00', to: '19:00' } }))).toEqual(at(1, 7));
  });

  it('skips days that are not allowed', () => {
    const weekdays = schedule({ days: [1, 2, 3, 4, 5], window: { from: '08:00', to: '18:00' } });
    // Friday 17:50 + 15 min is after the window; Saturday and Sunday are skipped.
    expect(nextRunAt(at(4, 17, 50), weekdays)).toEqual(at(7, 8));
  });

  it('handles a window spanning midnight', () => {
    const night = schedule({ intervalMinutes: 60, window: { from: '22:00', to: '04:00' } });
    expect(nextRunAt(at(0, 23), night)).toEqual(at(1, 0));
    expect(nextRunAt(at(0, 12), night)).toEqual(at(0, 22));
    expect(isAllowed(at(0, 3, 59), night)).toBe(true);
    expect(isAllowed(at(0, 4), night)).toBe(false);
  });

  it('with days but no window, runs at the start of the next allowed day', () => {
    expect(nextRunAt(at(0, 23, 50), schedule({ days: [3] }))).toEqual(at(2, 0));
  });
});
