import { SEED } from '../seeds';
import type { SaleWindow } from '../types';

/**
 * Seed 000 (Admitad's 11.11 manual) names no year; 11.11 recurs yearly, so the windows are
 * month-day-times evaluated for the year `now` falls in, and the UI says the dates come from
 * that manual. "PST" is taken as the seed writes it, UTC-08:00 (late October is still daylight
 * time in California, so if the manual meant local Pacific time the pre-sale starts an hour
 * earlier in absolute terms than modelled here).
 *
 * The seed labels 10.28 6:00:00-11.10 4:59:59 the "main sale period" while calling 11/10
 * 5:00:00-11/12 4:59:59 "the sale itself" and the time before it the warm-up. The dates decide:
 * first-cookie-win covers the warm-up (carts and coupons), and the sale is when carts must be
 * paid for the commission to count.
 */
export const SALE_WINDOWS_SEED_000: readonly SaleWindow[] = [
  {
    id: 'sale1111.presale',
    purpose: 'presale',
    attribution: 'firstCookieWin',
    start: { month: 10, day: 28, time: '06:00:00' },
    end: { month: 11, day: 10, time: '04:59:59' },
    utcOffset: '-08:00',
    zoneLabel: 'PST',
    source: {
      seed: SEED.sale1111,
      date: '--10-28',
      quote: 'first-cookie-win attribution is only applicable during the main sale period (10.28 6:00:00-11.10 4:59:59 PST)',
    },
  },
  {
    id: 'sale1111.sale',
    purpose: 'sale',
    attribution: 'lastCookieWin',
    start: { month: 11, day: 10, time: '05:00:00' },
    end: { month: 11, day: 12, time: '04:59:59' },
    utcOffset: '-08:00',
    zoneLabel: 'PST',
    source: { seed: SEED.sale1111, date: '--11-10', quote: 'The sale itself will take place from 11/10 5:00:00 to 11/12 4:59:59 PST.' },
  },
];
