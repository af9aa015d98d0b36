// What the publisher types in the popup (price, store kind, seller's country) reaches the
// estimate and the rules, wins over the URL's host and the API, and is stored bounded and
// validated. Expected values quote the seeds named in each row.
import { describe, expect, it } from 'vitest';
import {
  computeInsights,
  createEstimateDataReader,
  parseTypedAmount,
  typedFactsOf,
  withTypedFacts,
  PRODUCT_FACTS_LIMIT,
  type ApiProductFacts,
  type TypedProductFacts,
} from '@/lib/insights';
import type { AccountNetwork } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import type { ProgramId } from '@/lib/presets/types';
import { parseProductUrl } from '@/lib/url';

const PRODUCT_ID = '1005006123456789';
const productUrl = `https://www.aliexpress.com/item/${PRODUCT_ID}.html`;
const now = new Date('2026-11-21T12:00:00Z');
const readData = createEstimateDataReader();

function insightsWith({
  program,
  audience,
  network = null,
  typed,
  url = productUrl,
  hotRate,
  api,
}: {
  program: ProgramId;
  audience: string;
  network?: AccountNetwork | null;
  typed: TypedProductFacts;
  url?: string;
  hotRate?: number;
  api?: ApiProductFacts;
}) {
  const preset: Preset = { id: 'p', name: 'Blog', accountId: null, program, audienceCountry: audience, subIds: {}, keepSku: false };
  const hotList = hotRate === undefined ? undefined : { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00Z', ids: [PRODUCT_ID], rates: [hotRate] }] };
  const data = readData({ productFacts: [{ productId: PRODUCT_ID, ...typed }], hotList });
  return computeInsights({ parsed: parseProductUrl(url), preset, network, data, shipToCookie: null, now, sourceUrl: url, ...(api ? { api } : {}) });
}

const codesOf = (insights: ReturnType<typeof insightsWith>) => insights.warnings.map((w) => `${w.code}:${w.rank}`);

describe('typed product facts -> warnings', () => {
  it.each([
    {
      name: 'EU/Benelux, Tmall typed: seed 004 "Products from tmall.aliexpress.com and plaza.aliexpress.com are not subject to commission"',
      input: { program: 'eu-benelux' as const, audience: 'NL', typed: { storeKind: 'tmall' as const } },
      expected: 'storeExcluded:blocking',
    },
    {
      name: 'EU/Benelux, Plaza typed: the same sentence of seed 004',
      input: { program: 'eu-benelux' as const, audience: 'BE', typed: { storeKind: 'plaza' as const } },
      expected: 'storeExcluded:blocking',
    },
    {
      name: 'EU/Benelux, a Russian seller: seed 004 "applies ONLY to products of sellers from PRC, excluding ... the Russian Federation"',
      input: { program: 'eu-benelux' as const, audience: 'NL', typed: { sellerCountry: 'RU' as const } },
      expected: 'russianSellerExcluded:blocking',
    },
    {
      name: 'WW through ePN, a store without commission: seed 001 "Stores without commission 0%"',
      input: { program: 'ww' as const, audience: 'DE', network: 'epn' as const, typed: { storeKind: 'noCommission' as const } },
      expected: 'noCommissionStore:blocking',
    },
    {
      name: 'RU&CIS NEW, a store without commission: seed 002 "isn’t paid regardless of the country of order’s delivery"',
      input: { program: 'ru-cis-new' as const, audience: 'KZ', network: 'admitad' as const, typed: { storeKind: 'noCommission' as const } },
      expected: 'noCommissionStore:blocking',
    },
    {
      name: 'WW through ePN to Russia, Tmall typed: seed 001 excludes "items from the "Tmall" section with delivery from Russia"',
      input: { program: 'ww' as const, audience: 'RU', network: 'epn' as const, typed: { storeKind: 'tmall' as const } },
      expected: 'tmallFromRussia:costly',
    },
  ])('$name', ({ input, expected }) => {
    const actual = codesOf(insightsWith(input));
    expect(actual).toContain(expected);
  });

  it.each([
    { name: 'a seller from China (PRC), the one seed 004 pays', typed: { sellerCountry: 'CN' as const } },
    { name: 'a regular store', typed: { storeKind: 'regular' as const } },
    { name: 'nothing typed', typed: {} },
  ])('EU/Benelux with $name: no "earns nothing"', ({ typed }) => {
    const actual = insightsWith({ program: 'eu-benelux', audience: 'NL', typed }).warnings.filter((w) => w.rank === 'blocking');
    expect(actual).toEqual([]);
  });
});

describe('typed product facts -> rates', () => {
  it.each([
    // Seed 002, non-CIS: "Electronics from special stores** 0,38%", its footnote says 0.53%: both shown.
    { name: 'RU&CIS NEW to DE, special electronics store', typed: { storeKind: 'specialElectronics' as const }, audience: 'DE', expected: { best: 0.38, max: 0.53, fact: 'storeRate' } },
    // Seed 002: "The commission for orders from CHUWI Global - Flagship Store is 1.05%."
    { name: 'RU&CIS NEW to DE, CHUWI Global', typed: { storeKind: 'chuwiGlobal' as const }, audience: 'DE', expected: { best: 1.05, max: 1.05, fact: 'storeRate' } },
    // Seed 002, CIS: "goods of Russian sellers delivered to the CIS countries ... from 0.7% to 62,3%".
    { name: 'RU&CIS NEW to KZ, a Russian seller', typed: { sellerCountry: 'RU' as const }, audience: 'KZ', expected: { best: null, max: 62.3, fact: 'rateRange' } },
    // Seed 002: foreign sellers' rates "increased up to 60%" of "0.35% to 33,5%": 53.6% at most.
    { name: 'RU&CIS NEW to KZ, a seller from China', typed: { sellerCountry: 'CN' as const }, audience: 'KZ', expected: { best: null, max: 53.6, fact: 'rateRange' } },
  ])('$name', ({ typed, audience, expected }) => {
    const { estimate } = insightsWith({ program: 'ru-cis-new', audience, network: 'admitad', typed });
    const actual = { best: estimate.best, max: estimate.rate.max, fact: estimate.facts.some((f) => f.id === expected.fact) ? expected.fact : null };
    expect(actual).toEqual(expected);
  });
});

describe('typed price -> money', () => {
  it('600 USD at the 7% hot rate under seed 001\'s $38.5 cap: capped, and where the cap starts', () => {
    const { estimate } = insightsWith({ program: 'ww', audience: 'DE', network: 'epn', typed: { price: { amount: 600, currency: 'USD' } }, hotRate: 7 });
    // 600 × 7% = 42 > 38.5 ("is no more than $ 38.5 per order"); 38.5 / 7% = 550.
    expect(estimate.commission).toMatchObject({ currency: 'USD', best: 38.5, capped: true });
    expect(estimate.capBitesAbove).toEqual({ price: 550, currency: 'USD', ratePct: 7 });
  });

  it('19.99 USD at 7%: rounded down to the cent, as seed 001 says ("cut off" to downwards)', () => {
    const { estimate } = insightsWith({ program: 'ww', audience: 'DE', network: 'epn', typed: { price: { amount: 19.99, currency: 'USD' } }, hotRate: 7 });
    // 19.99 × 7% = 1.3993 -> 1.39.
    expect(estimate.commission).toMatchObject({ best: 1.39, capped: false });
  });

  it.each([
    { name: 'the typed price wins over the API\'s', typed: { price: { amount: 100, currency: 'USD' } }, api: { price: { amount: 50, currency: 'USD' } }, expected: 7 },
    { name: 'the API\'s price counts when none is typed', typed: {}, api: { price: { amount: 50, currency: 'USD' } }, expected: 3.5 },
    { name: 'no price, no money', typed: {}, api: undefined, expected: null },
  ])('$name', ({ typed, api, expected }) => {
    const actual = insightsWith({ program: 'ww', audience: 'DE', network: 'epn', typed, hotRate: 7, ...(api ? { api } : {}) }).estimate.commission?.best ?? null;
    expect(actual).toBe(expected);
  });

  it('EU/Benelux: a typed price in EUR gets seed 004\'s "only calculated for transactions paid in US dollars"', () => {
    const actual = codesOf(insightsWith({ program: 'eu-benelux', audience: 'NL', typed: { price: { amount: 40, currency: 'EUR' } } }));
    expect(actual).toContain('nonUsdPayment:costly');
  });
});

describe('typed store kind against the URL\'s host', () => {
  it.each([
    { name: 'a Tmall host with nothing typed stays Tmall', url: `https://tmall.aliexpress.com/item/${PRODUCT_ID}.html`, typed: {}, expected: true },
    { name: '"regular" typed on a Tmall host: the publisher\'s word wins', url: `https://tmall.aliexpress.com/item/${PRODUCT_ID}.html`, typed: { storeKind: 'regular' as const }, expected: false },
    { name: 'Plaza typed on www: the publisher\'s word wins', url: productUrl, typed: { storeKind: 'plaza' as const }, expected: true },
  ])('$name', ({ url, typed, expected }) => {
    const actual = codesOf(insightsWith({ program: 'eu-benelux', audience: 'NL', typed, url })).includes('storeExcluded:blocking');
    expect(actual).toBe(expected);
  });

  it('hands the view what was typed and the API\'s price', () => {
    const actual = insightsWith({ program: 'ww', audience: 'DE', typed: { storeKind: 'tmall', sellerCountry: 'CN' }, api: { price: { amount: 12, currency: 'EUR' } } });
    expect({ typed: actual.typed, apiPrice: actual.apiPrice }).toEqual({ typed: { storeKind: 'tmall', sellerCountry: 'CN' }, apiPrice: { amount: 12, currency: 'EUR' } });
  });
});

describe('the stored facts', () => {
  it.each([
    { name: 'a whole entry', input: { price: { amount: 12.5, currency: 'USD' }, storeKind: 'plaza', sellerCountry: 'RU' }, expected: { price: { amount: 12.5, currency: 'USD' }, storeKind: 'plaza', sellerCountry: 'RU' } },
    { name: 'an unknown store kind dropped', input: { storeKind: 'aliexpressChoice', sellerCountry: 'CN' }, expected: { sellerCountry: 'CN' } },
    { name: 'a seller country the seeds do not tell apart dropped', input: { sellerCountry: 'DE', storeKind: 'regular' }, expected: { storeKind: 'regular' } },
    { name: 'a negative price dropped', input: { price: { amount: -3, currency: 'USD' } }, expected: {} },
    { name: 'a price as text dropped', input: { price: { amount: '12', currency: 'USD' } }, expected: {} },
    { name: 'an absurd price dropped', input: { price: { amount: 1e9, currency: 'USD' } }, expected: {} },
    { name: 'a lower-case currency dropped', input: { price: { amount: 5, currency: 'usd' } }, expected: {} },
    { name: 'an entry that is not an object', input: 'tmall', expected: {} },
  ])('reads $name', ({ input, expected }) => {
    const stored = [typeof input === 'object' ? { productId: PRODUCT_ID, ...input } : input];
    const actual = typedFactsOf(stored, PRODUCT_ID);
    expect(actual).toEqual(expected);
  });

  it.each([
    { input: null },
    { input: 'junk' },
    { input: [] },
    { input: { [PRODUCT_ID]: { storeKind: 'tmall' } } },
    { input: [{ productId: '1005001234567890', storeKind: 'tmall' }] },
    { input: [{ productId: 1005006123456789, storeKind: 'tmall' }] },
  ])('reads nothing for this product from $input', ({ input }) => {
    expect(typedFactsOf(input, PRODUCT_ID)).toEqual({});
  });

  it('sets and clears one fact at a time, keeping the others', () => {
    let stored: unknown = [];
    stored = withTypedFacts(stored, PRODUCT_ID, { storeKind: 'tmall' });
    stored = withTypedFacts(stored, PRODUCT_ID, { price: { amount: 9.99, currency: 'EUR' } });
    expect(typedFactsOf(stored, PRODUCT_ID)).toEqual({ storeKind: 'tmall', price: { amount: 9.99, currency: 'EUR' } });
    stored = withTypedFacts(stored, PRODUCT_ID, { storeKind: undefined });
    expect(typedFactsOf(stored, PRODUCT_ID)).toEqual({ price: { amount: 9.99, currency: 'EUR' } });
    stored = withTypedFacts(stored, PRODUCT_ID, { price: undefined });
    // An entry with nothing left goes.
    expect(stored).toEqual([]);
  });

  it('refuses a bad value in a change rather than storing it', () => {
    const actual = withTypedFacts([], PRODUCT_ID, { price: { amount: Number.NaN, currency: 'USD' }, storeKind: 'plaza' });
    expect(actual).toEqual([{ productId: PRODUCT_ID, storeKind: 'plaza' }]);
  });

  it(`keeps the newest ${PRODUCT_FACTS_LIMIT} products, the one just changed newest, and drops unreadable entries`, () => {
    let stored: unknown = ['x', { productId: 'junk', storeKind: 'tmall' }, { productId: '999', storeKind: 'mall' }];
    // Newer products get lower ids here: the order kept must be the order written, not the ids'.
    const idOf = (i: number) => String(5000 - i);
    for (let i = 0; i < PRODUCT_FACTS_LIMIT + 5; i++) stored = withTypedFacts(stored, idOf(i), { storeKind: 'tmall' });
    stored = withTypedFacts(stored, idOf(10), { sellerCountry: 'RU' });
    const ids = (stored as { productId: string }[]).map((entry) => entry.productId);
    expect(ids).toHaveLength(PRODUCT_FACTS_LIMIT);
    expect(ids).not.toContain('junk');
    expect(ids).not.toContain('999');
    // The oldest five went, the one changed last moved to the newest place.
    expect(ids[0]).toBe(idOf(5));
    expect(ids.at(-1)).toBe(idOf(10));
    expect(typedFactsOf(stored, idOf(10))).toEqual({ storeKind: 'tmall', sellerCountry: 'RU' });
  });
});

describe('a typed amount', () => {
  it.each([
    { input: '12.99', expected: 12.99 },
    { input: '12,99', expected: 12.99 },
    { input: ' 600 ', expected: 600 },
    { input: '1 299,50', expected: 1299.5 },
    { input: '1.299,50', expected: 1299.5 },
    { input: '1,299.50', expected: 1299.5 },
    { input: '1,299', expected: 1299 },
    { input: '0.5', expected: 0.5 },
    { input: '', expected: null },
    { input: '0', expected: null },
    { input: '-5', expected: null },
    { input: '12.999.1', expected: null },
    { input: '1,2,3', expected: null },
    { input: '12 USD', expected: null },
    { input: 'abc', expected: null },
    { input: '2000000', expected: null },
  ])('$input -> $expected', ({ input, expected }) => {
    const actual = parseTypedAmount(input);
    expect(actual).toBe(expected);
  });
});
