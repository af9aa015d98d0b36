// The public library API (lib/index.ts): what outside checks import to estimate a link's commission.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_TABLES, estimateCommission, type EstimateInput } from '../../lib/index';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('lib/index estimateCommission', () => {
  it.each<{ name: string; input: EstimateInput; expected: object }>([
    {
      // Seed 001 (001_b214df0997934a9f.txt): non-CIS rates 0.8-7%, at most $38.5 per order, 3-day cookie.
      name: 'WW program, German audience, product link',
      input: { program: 'ww', audienceCountry: 'DE', linkKind: 'product', now: NOW, product: { price: { amount: 100, currency: 'USD' } } },
      expected: {
        deliveryCountry: 'DE',
        region: 'nonCis',
        rate: { min: 0.8, max: 7 },
        cap: { amount: 38.5, currency: 'USD', source: { seed: '001_b214df0997934a9f.txt' } },
        commission: { currency: 'USD', min: 0.8, max: 7, capped: false },
        cookie: { kind: 'days', days: 3 },
      },
    },
    {
      name: 'a program without a rate table: an open range that says why',
      input: { program: 'other', audienceCountry: 'DE', linkKind: 'product', now: NOW },
      expected: { rate: { min: 0, max: null }, best: null, facts: [{ id: 'programNoTable', params: { program: 'other' }, source: null }] },
    },
  ])('$name', ({ input, expected }) => {
    const actual = estimateCommission(input, DEFAULT_RATE_TABLES);
    expect(actual).toMatchObject(expected);
  });
});
