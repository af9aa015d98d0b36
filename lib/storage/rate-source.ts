/** The rate-table source the user set (lib/storage/items.ts `rateSourceItem`), as the background reads it. */

/** Offered intervals; a team table rarely changes more than a few times a day. */
export const RATE_INTERVALS_MINUTES = [60, 360, 1440] as const;
const DEFAULT_INTERVAL = 360;

export interface RateSource {
  readonly url: string | null;
  readonly intervalMinutes: number;
}

/** Never throws: no URL and the default interval for anything it cannot read. */
export function readRateSource(raw: unknown): RateSource {
  if (typeof raw !== 'object' || raw === null) return { url: null, intervalMinutes: DEFAULT_INTERVAL };
  const { url, intervalMinutes } = raw as Record<string, unknown>;
  return {
    url: typeof url === 'string' && url !== '' ? url : null,
    intervalMinutes: (RATE_INTERVALS_MINUTES as readonly unknown[]).includes(intervalMinutes) ? (intervalMinutes as number) : DEFAULT_INTERVAL,
  };
}
