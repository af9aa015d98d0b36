/**
 * Turning seed 000's yearless sale windows into dates. A window is evaluated for the year `now`
 * falls in (in the window's own offset) and for the year before, so a window spanning New Year
 * would still be found; the seed's windows do not, but a remote table's might.
 */
import type { SaleWindow, YearlyMoment } from '../rates/types';

export interface SaleWindowOccurrence {
  readonly window: SaleWindow;
  readonly start: Date;
  readonly end: Date;
  /**
   * Start and end as the seed states them, with this occurrence's year filled in and the seed's
   * zone name in brackets (RFC 9557's suffix form): `2025-10-28T06:00:00-08:00[PST]`. The UI shows
   * the wall-clock time with that name, and the publisher's local time beside it, without the year.
   */
  readonly startText: string;
  readonly endText: string;
}

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function at(year: number, moment: YearlyMoment, offset: string): { date: Date; text: string } {
  const [h = 0, m = 0, s = 0] = moment.time.split(':').map(Number);
  const utc = Date.UTC(year, moment.month - 1, moment.day, h, m, s) - offsetMinutes(offset) * 60_000;
  return { date: new Date(utc), text: `${pad(year, 4)}-${pad(moment.month)}-${pad(moment.day)}T${moment.time}${offset}` };
}

const occurrences = new WeakMap<SaleWindow, Map<number, SaleWindowOccurrence>>();

/** Each window's occurrence in a year is the same every time: built once (the rules ask per link). */
function occurrence(window: SaleWindow, year: number): SaleWindowOccurrence {
  let byYear = occurrences.get(window);
  if (!byYear) occurrences.set(window, (byYear = new Map()));
  let found = byYear.get(year);
  if (!found) {
    found = buildOccurrence(window, year);
    if (byYear.size < 16) byYear.set(year, found);
  }
  return found;
}

function buildOccurrence(window: SaleWindow, year: number): SaleWindowOccurrence {
  const start = at(year, window.start, window.utcOffset);
  const wraps = window.end.month * 100 + window.end.day < window.start.month * 100 + window.start.day;
  const end = at(wraps ? year + 1 : year, window.end, window.utcOffset);
  const zone = window.zoneLabel ? `[${window.zoneLabel}]` : '';
  return { window, start: start.date, end: end.date, startText: start.text + zone, endText: end.text + zone };
}

/** The occurrence of `window` that contains `now` (end second included), or null. */
export function activeOccurrence(window: SaleWindow, now: Date): SaleWindowOccurrence | null {
  const localYear = new Date(now.getTime() + offsetMinutes(window.utcOffset) * 60_000).getUTCFullYear();
  for (const year of [localYear, localYear - 1]) {
    const found = occurrence(window, year);
    if (found.start.getTime() <= now.getTime() && now.getTime() < found.end.getTime() + 1000) return found;
  }
  return null;
}
