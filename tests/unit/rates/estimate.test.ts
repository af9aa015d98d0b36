import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCommission, type EstimateInput, type ProductFacts } from '../../../lib/rates/estimate';
import { linkKindOf } from '../../../lib/rates/link-kind';
import { DEFAULT_RATE_TABLES } from '../../../lib/rates/tables';
import type { RateTables } from '../../../lib/rates/types';
import type { ProgramId } from '../../../lib/presets/types';
import { parseProductUrl } from '../../../lib/url';

const NOW = new Date('2025-06-01T12:00:00Z');
const base: EstimateInput = { program: 'ww', audienceCountry: 'DE', linkKind: 'product', now: NOW };
const run = (input: Partial<EstimateInput>, product?: ProductFacts, tables: RateTables = DEFAULT_RATE_TABLES) =>
  estimateCommission({ ...base, ...input, ...(product ? { product } : {}) }, tables);
const factIds = (input: Partial<EstimateInput>, product?: ProductFacts) => run(input, product).facts.map((f) => f.id);

describe('estimateCommission', () => {
  it('gives an open range and says why for a program without a table', () => {
    const actual = run({ program: 'other' });
    expect(actual).toMatchObject({ rate: { min: 0, max: null }, best: null, cap: null, commission: null });
    expect(actual.facts).toEqual([{ id: 'programNoTable', params: { program: 'other' }, source: null }]);
  });

  it('gives an open range when the tables lack the program (a partial remote bundle merged wrongly)', () => {
    const actual = run({ program: 'ww' }, undefined, {});
    expect(actual.facts.map((f) => f.id)).toEqual(['programNoTable']);
  });

  it.each([
    { name: 'audience known', input: { audienceCountry: 'DE' }, expected: { id: 'deliveryFromAudience', country: 'DE' } },

    { name: 'lower-case audience', input: { audienceCountry: 'de' }, expected: { id: 'deliveryFromAudience', country: 'DE' } },
    { name: 'unknown', input: { audienceCountry: null }, expected: { id: 'deliveryUnknown', country: undefined } },
    { name: 'a junk country', input: { audienceCountry: 'Germany' }, expected: { id: 'deliveryUnknown', country: undefined } },
  ])('takes the delivery country from the audience, the buyers ($name)', ({ input, expected }) => {
    const first = run(input).facts[0]!;
    const actual = { id: first.id, country: (first.params as { country?: string }).country };
    expect(actual).toEqual(expected);
  });

  describe("the estimate's delivery country is the one its 'why' states", () => {
    const countries = ['DE', 'RU', 'KZ', 'BR', 'NL', 'US', 'ES', 'ua', 'Germany', null];
    const programs: ProgramId[] = ['ww', 'ru-cis-new', 'portals', 'eu-benelux'];
    const networks = ['epn', 'admitad', null] as const;
    const product: ProductFacts = { categoryKey: 'computerOffice', affiliate: false, price: { amount: 100, currency: 'USD' } };
    const cases = programs.flatMap((program) => networks.flatMap((network) => countries.map((audience) => ({ program, network, audience }))));
    it.each(cases)('$program via $network, audience $audience', ({ program, network, audience }) => {
      const actual = run({ program, network, audienceCountry: audience }, product);
      const stated = actual.facts.find((f) => f.id === 'deliveryFromAudience');
      const statedCountry = stated ? (stated.params as { country: string }).country : null;
      expect(actual.deliveryCountry).toBe(statedCountry);
      const countriesInWhy = actual.facts.flatMap((f) => ('country' in f.params ? [f.params.country] : []));
      expect(new Set(countriesInWhy)).toEqual(new Set(statedCountry ? [statedCountry] : []));
      const inRegion = actual.facts.find((f) => f.id === 'inRegion');
      if (statedCountry === null) expect(inRegion).toBeUndefined();
      else expect(inRegion?.params).toEqual({ country: statedCountry, region: actual.region });
    });
  });

  it('covers every region when the delivery country is unknown', () => {
    const actual = run({ program: 'ww', audienceCountry: null }, { affiliate: true });
    expect(actual).toMatchObject({ rate: { min: 0.72, max: 7 }, region: null, cookie: null });
    expect(actual.facts.filter((f) => f.id === 'cookieDays').map((f) => f.params)).toEqual([{ days: 15 }, { days: 3 }]);
  });

  it.each([
    { name: 'WW, category known', input: { program: 'ww' as ProgramId }, product: { categoryKey: 'mobilePhone' as const, affiliate: true }, expected: true },
    { name: 'WW, category unknown', input: { program: 'ww' as ProgramId }, product: { affiliate: true }, expected: false },
    { name: 'RU&CIS non-CIS, category known', input: { program: 'ru-cis-new' as ProgramId }, product: { categoryKey: 'tablets' as const, affiliate: true }, expected: true },
    { name: 'RU&CIS CIS (rates do not depend on category)', input: { program: 'ru-cis-new' as ProgramId, audienceCountry: 'RU' }, product: { categoryKey: 'tablets' as const, affiliate: true }, expected: false },
  ])('says whether the estimate is by category: $name', ({ input, product, expected }) => {
    expect(run(input, product).byCategory).toBe(expected);
  });

  it('asks for the category where one would narrow the estimate', () => {
    expect(factIds({ program: 'ru-cis-new' }, { affiliate: true })).toContain('categoryUnknown');
    expect(factIds({ program: 'ru-cis-new', audienceCountry: 'RU' }, { affiliate: true })).not.toContain('categoryUnknown');
    expect(factIds({ program: 'portals' }, {})).not.toContain('categoryUnknown');
  });

  it('shows the derivation behind a WW category guess', () => {
    const actual = run({ program: 'ww' }, { categoryKey: 'mobilePhone', affiliate: true }).facts.find((f) => f.id === 'derivedFromProgram');
    expect(actual?.params).toEqual({ category: 'mobilePhone', otherProgram: 'ru-cis-new', otherPct: 1.15, factorPct: 50, ratePct: 2.3 });
  });

  describe('hot-sale products', () => {
    it('uses the hot list rate as the best guess on a direct product link', () => {
      const actual = run({ audienceCountry: 'FR' }, { hot: true, hotRate: 12 });
      expect(actual).toMatchObject({ hot: true, best: 12, rate: { min: 0.8, max: 70 } });
    });

    it('widens the range to a hot rate the table does not reach', () => {
      const actual = run({ program: 'ru-cis-new' }, { hot: true, hotRate: 40 });
      expect(actual.rate).toEqual({ min: 0.38, max: 40 });
    });

    it.each([
      { name: 'a store page', linkKind: 'store' as const },
      { name: 'a category page', linkKind: 'page' as const },
      { name: 'a short link', linkKind: null },
    ])('falls back to the standard rate on $name (seeds 001, 002)', ({ linkKind }) => {
      const actual = run({ linkKind }, { hot: true, hotRate: 12, affiliate: true });
      expect(actual).toMatchObject({ hot: false, rate: { min: 0.8, max: 7 } });
      expect(actual.facts.map((f) => f.id)).toContain('hotNeedsDirectLink');
    });

    it.each([-1, 101, Number.NaN, '12%'])('ignores a hot rate of %s', (hotRate) => {
      const actual = run({}, { hot: true, hotRate: hotRate as number });
      expect(actual.best).toBeNull();
    });
  });

  describe('affiliation', () => {
    it('drops the minimum to 0 where non-affiliate goods earn nothing and affiliation is unknown', () => {
      const actual = run({ program: 'ru-cis-new' }, { categoryKey: 'mobilePhone' });
      expect(actual).toMatchObject({ rate: { min: 0, max: 1.15 }, best: 1.15 });
      expect(actual.facts.map((f) => f.id)).toContain('affiliateUnknown');
    });

    it('keeps special-store rates for affiliate goods only (seed 002: some of their products are non-affiliate)', () => {
      const actual = run({ program: 'ru-cis-new' }, { storeKind: 'chuwiGlobal', affiliate: false });
      expect(actual.rate).toEqual({ min: 0, max: 0 });
    });
  });

  it('does not zero virtual goods where the program does not say so (Portals, seed 003)', () => {
    const actual = run({ program: 'portals' }, { categoryKey: 'specialCategory' });
    expect(actual.rate).toEqual({ min: 8, max: null });
  });

  it('lets Tmall to WW earn, but possibly nothing (seed 001: only Tmall delivered from Russia is out)', () => {
    const actual = run({ program: 'ww' }, { storeKind: 'tmall', affiliate: true });
    expect(actual.rate).toEqual({ min: 0, max: 7 });
    expect(actual.facts.map((f) => f.id)).toContain('tmallFromRussia');
  });

  describe('commission on a price', () => {
    it.each([
      { name: 'no price', price: undefined },
      { name: 'a zero price', price: { amount: 0, currency: 'USD' } },
      { name: 'a negative price', price: { amount: -5, currency: 'USD' } },
      { name: 'NaN', price: { amount: Number.NaN, currency: 'USD' } },
      { name: 'a junk currency', price: { amount: 10, currency: 'dollars' } },
    ])('is null for $name', ({ price }) => {
      expect(run({}, { price }).commission).toBeNull();
    });

    it('reads a lower-case currency', () => {
      const actual = run({ program: 'ru-cis-new' }, { categoryKey: 'mobilePhone', affiliate: true, price: { amount: 100, currency: 'usd' } }).commission;
      expect(actual).toEqual({ currency: 'USD', min: 1.15, max: 1.15, best: 1.15, capped: false });
    });

    it('caps an open-ended maximum at the per-order cap', () => {
      const actual = run({ program: 'eu-benelux', audienceCountry: 'NL' }, { price: { amount: 100, currency: 'EUR' } }).commission;
      expect(actual).toMatchObject({ min: 0, max: 30.94, best: null });
    });
  });

  it('cites a seed for every fact not about the input itself', () => {
    const inputFacts = new Set(['deliveryFromAudience', 'deliveryFromShipTo', 'deliveryUnknown', 'categoryUnknown', 'affiliateUnknown', 'hotRate', 'programNoTable', 'estimateFailed']);
    const programs: ProgramId[] = ['ww', 'ru-cis-new', 'portals', 'eu-benelux'];
    for (const program of programs)
      for (const country of ['RU', 'DE', 'BR', 'ES', null])
        for (const product of [{}, { categoryKey: 'mobilePhone' as const, affiliate: false, price: { amount: 50, currency: 'USD' } }, { hot: true, storeKind: 'tmall' as const }]) {
          for (const f of run({ program, audienceCountry: country }, product).facts) {
            if (!inputFacts.has(f.id)) expect(f.source?.seed, `${program} ${country} ${f.id}`).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
          }
        }
  });

  describe('never throws', () => {
    it('returns an honest fallback for an invalid date', () => {
      const actual = run({ now: new Date(Number.NaN) });
      expect(actual.facts.map((f) => f.id)).toEqual(['estimateFailed']);
    });

    it('returns an honest fallback for a table that slipped past validation', () => {
      const broken = { ww: { ...DEFAULT_RATE_TABLES.ww, rates: null } } as unknown as RateTables;
      const actual = run({}, {}, broken);
      expect(actual.facts.map((f) => f.id)).toEqual(['estimateFailed']);
    });

    it('for any input', () => {
      const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object());
      fc.assert(
        fc.property(
          fc.record({
            program: fc.oneof(fc.constantFrom('ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'), fc.string()),
            audienceCountry: fc.oneof(fc.constantFrom('RU', 'DE', 'BR', 'ES', 'ua'), anything),
            shipToCountry: anything,
            linkKind: fc.oneof(fc.constantFrom('product', 'store', 'page', null), anything),
            product: fc.oneof(
              anything,
              fc.record(
                {
                  categoryKey: fc.oneof(fc.constantFrom('mobilePhone', 'computerOffice', 'specialCategory'), anything),
                  hot: anything,
                  hotRate: anything,
                  affiliate: anything,
                  price: fc.oneof(fc.record({ amount: anything, currency: anything }), anything),
                  storeKind: fc.oneof(fc.constantFrom('tmall', 'plaza', 'specialElectronics', 'chuwiGlobal', 'noCommission'), anything),
                  sellerCountry: anything,
                },
                { requiredKeys: [] },
              ),
            ),
            now: fc.date({ noInvalidDate: false }),
          }),
          (input) => {
            const actual = estimateCommission(input as unknown as EstimateInput, DEFAULT_RATE_TABLES);
            expect(actual.rate.min).toBeGreaterThanOrEqual(0);
            if (actual.rate.max !== null) expect(actual.rate.max).toBeGreaterThanOrEqual(actual.rate.min);
            if (actual.best !== null && actual.rate.max !== null) expect(actual.best).toBeLessThanOrEqual(actual.rate.max);
            expect(actual.facts.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('linkKindOf', () => {
  it.each([
    { input: 'https://www.aliexpress.com/item/1005006789012345.html', expected: 'product' },
    { input: 'https://www.aliexpress.com/store/1234', expected: 'store' },
    { input: 'https://www.aliexpress.com/category/100003109/women-clothing.html', expected: 'page' },
    { input: 'https://s.click.aliexpress.com/e/_DdNkq3x', expected: null },
    { input: 'https://example.com/item/1.html', expected: null },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(linkKindOf(parseProductUrl(input))).toBe(expected);
  });

  it('null for no URL', () => {
    expect(linkKindOf(null)).toBeNull();
  });
});
