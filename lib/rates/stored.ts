/**
 * The stored rate cache as the popup reads it. The background validated the bundle with zod
 * before storing it (./cache.ts), so the popup, which has no room for zod, only checks the
 * envelope and falls back to the embedded tables table by table; the estimator itself never
 * throws on a table it cannot read.
 */
import { DEFAULT_RATE_TABLES } from './tables';
import { RATE_PROGRAM_IDS, type RateBundle, type RateTables } from './types';

export const RATE_CACHE_ERROR_CODES = [
  'badUrl',
  'noAccess',
  'timeout',
  'network',
  'http',
  'tooLarge',
  'notJson',
  'invalid',
  'unexpected304',
  'storage',
  'storedInvalid',
] as const;
export type RateCacheErrorCode = (typeof RATE_CACHE_ERROR_CODES)[number];

/** Why the last refresh failed; `path` is the exact field path of a schema rejection. */
export interface RateCacheError {
  readonly code: RateCacheErrorCode;
  readonly message: string;
  readonly path: string | null;
  readonly httpStatus?: number;
  readonly at: string;
}

export interface StoredRateCache {
  readonly v: 1;
  /** The URL the bundle came from. */
  readonly url: string | null;
  readonly etag: string | null;
  /** The last good bundle; a failed refresh never replaces it. */
  readonly bundle: RateBundle | null;
  /** When the bundle's body was fetched. */
  readonly fetchedAt: string | null;
  /** When the server last confirmed it (200 or 304). */
  readonly checkedAt: string | null;
  readonly lastError: RateCacheError | null;
}

export const EMPTY_RATE_CACHE: StoredRateCache = { v: 1, url: null, etag: null, bundle: null, fetchedAt: null, checkedAt: null, lastError: null };

/** Remote tables over the embedded ones: a bundle may cover only some programs. */
export function mergeRateTables(defaults: RateTables, bundle: RateBundle | null): RateTables {
  return bundle ? { ...defaults, ...bundle.tables } : defaults;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tables to estimate with, from the raw stored cache item (anything, including undefined). */
export function tablesFromStoredCache(raw: unknown, defaults: RateTables = DEFAULT_RATE_TABLES): RateTables {
  if (!isRecord(raw) || raw.v !== 1 || !isRecord(raw.bundle) || raw.bundle.schemaVersion !== 1 || !isRecord(raw.bundle.tables)) return defaults;
  const stored = raw.bundle.tables;
  const merged: Record<string, unknown> = { ...defaults };
  for (const program of RATE_PROGRAM_IDS) {
    if (!Object.hasOwn(stored, program)) continue;
    const table = stored[program];
    if (isRecord(table) && table.program === program && Array.isArray(table.regions) && Array.isArray(table.rates)) merged[program] = table;
  }
  return merged as RateTables;
}

/** The catalog message for a cache error: `rate_error_<code>`, with the HTTP status for `http`. */
export function rateCacheErrorMessage(error: RateCacheError): { key: `rate_error_${RateCacheErrorCode}`; substitutions: string[] } {
  return { key: `rate_error_${error.code}`, substitutions: error.code === 'http' ? [String(error.httpStatus ?? '')] : [] };
}
