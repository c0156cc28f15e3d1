import { describe, expect, it } from 'vitest';
import { formatEta, formatReadOfTotal, formatSchedule, formatThrottling } from '../../web/src/format.ts';

// The page formats with the browser's locale; these run under Node's, so compare shapes, not digits' grouping.
describe('status wording in the page', () => {
  it('summarises a schedule', () => {
    expect(formatSchedule({ intervalMinutes: 15, days: [1, 2, 3, 4, 5], window: { from: '07:00', to: '19:00' } })).toBe(
      'every 15 min, Mon–Fri 07:00–19:00',
    );
    expect(formatSchedule({ intervalMinutes: 60, days: [], window: null })).toMatch(/every (60 min|1 h|hour)/);
  });

  it('counts throttling and time waited', () => {
    expect(formatThrottling(3, 12_000)).toBe('3 × 429, waited 12 sec');
  });

  it('says when more was read than counted at the start', () => {
    expect(formatReadOfTotal(21, 20)).not.toBe(formatReadOfTotal(20, 20));
  });

  it('gives an ETA in words', () => {
    expect(formatEta(15)).toMatch(/15/);
  });
});
