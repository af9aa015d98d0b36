import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessLink as publicAssessLink } from '@/lib/index';
import { batchContext, convertAll } from '@/lib/batch/convert';
import { createBadgeEstimator } from '@/lib/background/badge/estimate';
import { assessLink, computeInsights, createEstimateDataReader, createRepeatedAssessor, type AssessLinkInput } from '@/lib/insights';
import type { Preset, ProgramId } from '@/lib/presets/types';
import { DEFAULT_RATE_TABLES, estimateCommission, linkKindOf } from '@/lib/rates';
import { evaluateRules } from '@/lib/rules';
import { parseProductUrl } from '@/lib/url';

const NOW = new Date('2025-06-01T12:00:00Z');
const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';
const base: AssessLinkInput = { url: PRODUCT, program: 'ru-cis-new', network: 'admitad', audienceCountry: 'DE', now: NOW };

describe('assessLink', () => {
  it('is the public API', () => {
    expect(publicAssessLink).toBe(assessLink);
  });

  it.each([
    { url: PRODUCT, program: 'ww' as ProgramId, audienceCountry: 'RU' },
    { url: 'https://www.aliexpress.com/store/1234', program: 'ru-cis-new' as ProgramId, audienceCountry: 'DE' },
    { url: 'https://s.click.aliexpress.com/e/_DdNkq3x', program: 'portals' as ProgramId, audienceCountry: null },
    { url: 'https://aliexpress.ru/item/1005006789012346.html', program: 'eu-benelux' as ProgramId, audienceCountry: 'NL' },
  ])('gives what the estimator and the rules give for $url ($program, $audienceCountry)', ({ url, program, audienceCountry }) => {
    const product = { categoryKey: 'mobilePhone' as const, affiliate: true };
    const actual = assessLink({ url, program, network: null, audienceCountry, product, now: NOW });
    const parsed = parseProductUrl(url);
    const common = { program, audienceCountry, shipToCountry: null, product, now: NOW };
    expect(actual.parsed).toEqual(parsed);
    expect(actual.estimate).toEqual(estimateCommission({ ...common, linkKind: linkKindOf(parsed) }, DEFAULT_RATE_TABLES));
    expect(actual.warnings).toEqual(evaluateRules({ ...common, parsed, tables: DEFAULT_RATE_TABLES }));
  });

  it('gives the same result through the repeated assessor the batch uses', () => {
    const assess = createRepeatedAssessor(DEFAULT_RATE_TABLES, { program: 'ww', network: 'epn', audienceCountry: 'BR', now: NOW });
    for (const url of [PRODUCT, 'https://www.aliexpress.com/category/100003109/women-clothing.html']) {
      const product = { categoryKey: 'computerOffice' as const, hot: false, hotRate: null };
      const expected = assessLink({ url, program: 'ww', network: 'epn', audienceCountry: 'BR', product, now: NOW });
      expect(assess(parseProductUrl(url), product)).toEqual(expected);
      expect(assess(parseProductUrl(url), product)).toEqual(expected);
    }
  });

  it('never throws, for any input', () => {
    const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object());
    fc.assert(
      fc.property(
        fc.record({
          url: fc.oneof(fc.constantFrom(PRODUCT, 'https://aliexpress.ru/item/1.html', 'https://a.aliexpress.com/_x', ''), anything),
          program: fc.oneof(fc.constantFrom('ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'), anything),
          network: fc.oneof(fc.constantFrom('admitad', 'epn', 'portals', 'custom', null), anything),
          audienceCountry: fc.oneof(fc.constantFrom('RU', 'KZ', 'DE', 'NL', null), anything),
          product: fc.oneof(anything, fc.record({ title: anything, categoryKey: anything, hot: anything, price: anything }, { requiredKeys: [] })),
          now: fc.date({ noInvalidDate: false }),
        }),
        (input) => {
          const actual = assessLink(input as unknown as AssessLinkInput);
          expect(actual.estimate.facts.length).toBeGreaterThan(0);
          expect(Array.isArray(actual.warnings)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
    expect(() => assessLink(null as unknown as AssessLinkInput)).not.toThrow();
    // Found by this property: an object whose toString is not a function reached a template string.
    const hostile = { toString: false } as unknown as string;
    for (const field of ['url', 'program', 'network', 'audienceCountry'] as const) {
      expect(() => assessLink({ url: PRODUCT, program: 'ww', network: null, audienceCountry: 'DE', now: new Date(), [field]: hostile } as AssessLinkInput)).not.toThrow();
    }
    expect(() =>
      assessLink({ url: PRODUCT, program: 'ww', network: null, audienceCountry: 'DE', now: new Date(), product: { categoryKey: hostile, title: hostile, price: { amount: hostile, currency: hostile } } } as unknown as AssessLinkInput),
    ).not.toThrow();
  });
});

describe('every surface agrees on one link', () => {
  const preset: Preset = { id: 'p1', name: 'Blog', accountId: null, program: 'ru-cis-new', audienceCountry: 'DE', subIds: {}, keepSku: false };
  const stored = { categoryPicks: { '1005006789012345': 'mobilePhone' } };
  const expected = assessLink({ ...base, network: null, product: { categoryKey: 'mobilePhone', hot: false, hotRate: null } });

  it('the popup', () => {
    const data = createEstimateDataReader()({ rateCache: undefined, hotList: undefined, categoryPicks: stored.categoryPicks });
    const actual = computeInsights({ parsed: parseProductUrl(PRODUCT), preset, data, shipToCookie: null, now: NOW });
    expect({ best: actual.estimate.best, rate: actual.estimate.rate, codes: actual.warnings.map((w) => w.code) }).toEqual({
      best: expected.estimate.best,
      rate: expected.estimate.rate,
      codes: expected.warnings.map((w) => w.code),
    });
  });

  it('the batch converter', () => {
    const [actual] = convertAll([{ row: 1, input: PRODUCT, source: PRODUCT }], batchContext(preset, [], stored, NOW));
    expect(actual).toMatchObject({ ok: true, estimate: { best: expected.estimate.best, rate: expected.estimate.rate } });
    expect(actual?.ok && actual.warnings.map((w) => w.code)).toEqual(expected.warnings.map((w) => w.code));
  });

  it('the badge', async () => {
    const estimate = createBadgeEstimator({ loadStored: async () => stored, now: () => NOW });
    const parsed = parseProductUrl(PRODUCT);
    if (parsed.kind !== 'product') throw new Error('fixture is a product URL');
    expect(await estimate(parsed.product, preset)).toEqual({ kind: 'rate', percent: expected.estimate.best });
  });
});
