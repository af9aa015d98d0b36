/**
 * Dates as the seeds give them, for people. The seeds rarely name a year: seed 002's "Starting
 * from April 4" is `--04-04` and reads "Apr 4 (year not stated)"; seed 000's sale windows are
 * wall-clock times in "PST" with no year, shown as the seed's time with its zone and the
 * publisher's own time beside it, never with a year the seed does not give. No zod (popup code).
 */

export interface SeedDateText {
  /** Labels from the catalog: "(year not stated)", "your time". */
  readonly yearNotStated: string;
  readonly yourTime: string;
}

const YEARLESS = /^--(\d{2})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall-clock time with its offset and, in brackets, the zone as the seed names it. */
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})(?:\[([A-Za-z]{2,5})\])?$/;

/**
 * `iso` in the UI's `locale`; `timeZone` is the publisher's (the browser's when absent, a fixed
 * one in tests). Anything unparseable comes back as it is.
 */
export function formatSeedDate(iso: string, locale: string | undefined, text: SeedDateText, timeZone?: string): string {
  try {
    const yearless = YEARLESS.exec(iso);
    if (yearless) {
      const date = Date.UTC(2000, Number(yearless[1]) - 1, Number(yearless[2]));
      return `${new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date)} ${text.yearNotStated}`;
    }
    if (DAY.test(iso)) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
    const zoned = ZONED.exec(iso);
    if (!zoned) return iso;
    const [, y, mo, d, h, mi, s = '00', sign, oh, om, zone] = zoned;
    const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    const wallClock = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const instant = wallClock - offsetMinutes * 60_000;
    const noYear: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    const seedSide = new Intl.DateTimeFormat(locale, { ...noYear, timeZone: 'UTC' }).format(wallClock);
    const zoneName = zone ?? `UTC${sign}${oh}:${om}`;
    const local = new Intl.DateTimeFormat(locale, { ...noYear, timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(instant);
    return `${seedSide} ${zoneName} (${text.yourTime}: ${local})`;
  } catch {
    return iso;
  }
}
