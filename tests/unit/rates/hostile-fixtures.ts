import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { RateCacheErrorCode } from '../../../lib/rates/stored';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../fixtures/rates');
export const readFixture = (file: string) => readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
export const fixtureFiles = () => readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.json'));

export const VALID_FIXTURE = 'valid-team-table.json';

/** Each hostile payload, what it tries, and how it must be refused (code, exact field path). */
export const HOSTILE_FIXTURES: readonly { file: string; what: string; code: RateCacheErrorCode; path: string | null }[] = [
  { file: 'rate-as-string.json', what: 'a rate written as a string', code: 'invalid', path: 'tables.ww.rates.0.rate.min' },
  { file: 'negative-rate.json', what: 'a negative rate', code: 'invalid', path: 'tables.ww.rates.0.rate.min' },
  { file: 'rate-over-100.json', what: 'a rate above 100%', code: 'invalid', path: 'tables.ww.rates.0.rate.max' },
  { file: 'nan-literal.json', what: 'NaN, which is not JSON', code: 'notJson', path: null },
  { file: 'infinity-overflow.json', what: '1e400, which JSON.parse turns into Infinity', code: 'invalid', path: 'tables.ww.rates.0.rate.max' },
  { file: 'min-above-max.json', what: 'a range whose min is above its max', code: 'invalid', path: 'tables.ww.rates.0.rate.min' },
  { file: 'huge-country-list.json', what: 'a country list of 251 entries', code: 'invalid', path: 'tables.ww.regions.0.countries' },
  { file: 'proto-root.json', what: 'an own __proto__ key at the root', code: 'invalid', path: '__proto__' },
  { file: 'proto-in-tables.json', what: 'an own __proto__ key among the tables', code: 'invalid', path: 'tables.__proto__' },
  { file: 'constructor-prototype.json', what: 'constructor.prototype inside a rate', code: 'invalid', path: 'tables.ww.rates.0.constructor' },
  { file: 'wrong-currency.json', what: 'a cap in a currency no seed uses', code: 'invalid', path: 'tables.ww.cap.currency' },
  { file: 'negative-cap.json', what: 'a negative cap', code: 'invalid', path: 'tables.ww.cap.amount' },
  { file: 'missing-source.json', what: 'a rate without its source', code: 'invalid', path: 'tables.ww.rates.0.source' },
  { file: 'bad-seed-name.json', what: 'a source that is a path, not a seed file', code: 'invalid', path: 'tables.ww.rates.0.source.seed' },
  { file: 'unknown-program.json', what: 'a table for a program that does not exist', code: 'invalid', path: 'tables.evil' },
  { file: 'program-mismatch.json', what: 'a WW table filed under Portals', code: 'invalid', path: 'tables.portals.program' },
  { file: 'schema-version-2.json', what: 'a schema version this build does not know', code: 'invalid', path: 'schemaVersion' },
  { file: 'not-an-object.json', what: 'a list instead of a bundle', code: 'invalid', path: '' },
  { file: 'empty-tables.json', what: 'a bundle with no table', code: 'invalid', path: 'tables' },
  { file: 'lowercase-country.json', what: 'a lower-case country code', code: 'invalid', path: 'tables.ww.regions.0.countries.0' },
  { file: 'unknown-region-ref.json', what: 'a rate for a region the table does not define', code: 'invalid', path: 'tables.ww.rates.0.region' },
  { file: 'bad-date.json', what: 'a date that is not on the calendar', code: 'invalid', path: 'tables.ww.rates.0.from' },
  { file: 'long-quote.json', what: 'a 5,000-character quote carrying markup', code: 'invalid', path: 'tables.ww.rates.0.source.quote' },
  { file: 'sale-window-bad-month.json', what: 'a sale window in month 13', code: 'invalid', path: 'tables.ww.saleWindows.0.start.month' },
  { file: 'duplicate-rate-id.json', what: 'two rates with one id', code: 'invalid', path: 'tables.ww.rates.1.id' },
  { file: 'extra-key-in-rate.json', what: 'an unknown key inside a rate range', code: 'invalid', path: 'tables.ww.rates.0.rate.bonus' },
  { file: 'null-rates.json', what: 'null where the rate list goes', code: 'invalid', path: 'tables.ww.rates' },
  { file: 'rates-as-object.json', what: 'an object where the rate list goes', code: 'invalid', path: 'tables.ww.rates' },
  { file: 'truncated.json', what: 'a body cut off halfway', code: 'notJson', path: null },
  { file: 'empty.json', what: 'an empty body', code: 'notJson', path: null },
];
