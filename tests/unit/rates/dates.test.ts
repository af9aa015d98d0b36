import { describe, expect, it } from 'vitest';
import { formatSeedDate } from '@/lib/rates/dates';

const text = { yearNotStated: '(year not stated)', yourTime: 'your time' };

describe('formatSeedDate: never a year the seed does not give', () => {
  it.each([
    { name: 'a yearless date (seed 002: "Starting from April 4")', input: '--04-04', locale: 'en-US', expected: 'Apr 4 (year not stated)' },
    { name: 'the same in Russian', input: '--04-04', locale: 'ru', expected: '4 апр. (year not stated)' },
    { name: 'a dated one (seed 001: "Since October 20, 2022")', input: '2022-10-20', locale: 'en-US', expected: 'Oct 20, 2022' },
    // 06:00 PST is 14:00 UTC, 15:00 in Berlin (CET since Oct 26, 2025).
    { name: "seed 000's PST wall clock, the publisher's time beside it", input: '2025-10-28T06:00:00-08:00[PST]', locale: 'ru', zone: 'Europe/Berlin', expected: '28 окт., 06:00 PST (your time: 28 окт., 15:00 GMT+1)' },
    { name: 'in English, Moscow', input: '2025-11-12T04:59:59-08:00[PST]', locale: 'en-US', zone: 'Europe/Moscow', expected: 'Nov 12, 04:59 AM PST (your time: Nov 12, 03:59 PM GMT+3)' },
    { name: 'an offset without a zone name', input: '2025-11-10T05:00:00-08:00', locale: 'ru', zone: 'UTC', expected: '10 нояб., 05:00 UTC-08:00 (your time: 10 нояб., 13:00 UTC)' },
    { name: 'anything else, as it is', input: 'soon', locale: 'en-US', expected: 'soon' },
  ])('$name', ({ input, locale, zone, expected }) => {
    expect(formatSeedDate(input, locale, text, zone).replace(/[\u202f\u00a0]/g, ' ')).toBe(expected);
  });

  it('shows no year for the sale windows, in any locale', () => {
    for (const locale of ['en', 'ru', 'es', 'nl']) expect(formatSeedDate('2031-11-10T05:00:00-08:00[PST]', locale, text, 'UTC')).not.toMatch(/2031/);
  });
});
