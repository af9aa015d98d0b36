/**
 * A throughput probe for `npm run bench`: `estimateCommission` calls per
 * second. Nothing here runs in the unit tests, which must not depend on machine speed.
 */
import type { ProgramId } from '../../lib/presets/types';
import { estimateCommission, type EstimateInput } from '../../lib/rates/estimate';
import { DEFAULT_RATE_TABLES } from '../../lib/rates/tables';
import type { CategoryKey, RateTables } from '../../lib/rates/types';

const NOW = new Date('2025-06-01T12:00:00Z');

/** A mix of programs, regions and product facts, so no single branch dominates. */
export function estimateBenchInputs(): EstimateInput[] {
  const programs: ProgramId[] = ['ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'];
  const countries = ['DE', 'RU', 'BR', 'ES', 'KZ', null];
  const categories: (CategoryKey | undefined)[] = ['mobilePhone', 'womensClothing', 'computerOffice', undefined];
  const inputs: EstimateInput[] = [];
  for (const program of programs)
    for (const country of countries)
      for (const categoryKey of categories)
        inputs.push({
          program,
          audienceCountry: country,
          linkKind: categoryKey === undefined ? 'page' : 'product',
          now: NOW,
          product: {
            categoryKey,
            hot: categoryKey === 'mobilePhone',
            hotRate: categoryKey === 'mobilePhone' ? 12 : null,
            affiliate: country === 'BR' ? false : null,
            price: { amount: 129.99, currency: country === 'ES' ? 'EUR' : 'USD' },
          },
        });
  return inputs;
}

export interface EstimateThroughput {
  readonly callsPerSecond: number;
  readonly calls: number;
  readonly elapsedMs: number;
}

/**
 * Calls `estimateCommission` over the bench inputs for about `durationMs` and returns the rate.
 * `clock` is injectable so the scripts can pass `performance.now`.
 */
export function measureEstimateThroughput({
  durationMs = 1000,
  clock = () => performance.now(),
  tables = DEFAULT_RATE_TABLES as RateTables,
}: { durationMs?: number; clock?: () => number; tables?: RateTables } = {}): EstimateThroughput {
  const inputs = estimateBenchInputs();
  for (const input of inputs) estimateCommission(input, tables); // warm-up
  const start = clock();
  let calls = 0;
  let elapsed = 0;
  do {
    for (const input of inputs) estimateCommission(input, tables);
    calls += inputs.length;
    elapsed = clock() - start;
  } while (elapsed < durationMs);
  return { callsPerSecond: Math.round((calls / elapsed) * 1000), calls, elapsedMs: Math.round(elapsed) };
}
