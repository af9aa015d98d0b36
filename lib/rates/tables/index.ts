/**
 * The tables embedded in the extension, one per program: the estimate works offline on these,
 * and a remote table (lib/background/rate-cache.ts) replaces one only after it validates.
 */
import type { RateTable } from '../types';
import { EU_BENELUX_TABLE } from './eu-benelux';
import { PORTALS_TABLE } from './portals';
import { RU_CIS_NEW_TABLE } from './ru-cis-new';
import { WW_TABLE } from './ww';

export { EU_BENELUX_TABLE, PORTALS_TABLE, RU_CIS_NEW_TABLE, WW_TABLE };
export { SALE_WINDOWS_SEED_000 } from './sale-windows';

export const DEFAULT_RATE_TABLES: { readonly [P in RateTable['program']]: RateTable } = {
  ww: WW_TABLE,
  'ru-cis-new': RU_CIS_NEW_TABLE,
  portals: PORTALS_TABLE,
  'eu-benelux': EU_BENELUX_TABLE,
};

/** Shown as the rate-table version when no remote table is in use. */
export const EMBEDDED_RATES_VERSION = 'embedded-seeds-1';
