import { describe, expect, it } from 'vitest';
import { SEED } from '../../../lib/rates/seeds';
import { DEFAULT_RATE_TABLES, SALE_WINDOWS_SEED_000 } from '../../../lib/rates/tables';
import type { RateTables } from '../../../lib/rates/types';
import { activeOccurrence, evaluateRules, RULES, RULE_PARAMS, type RuleCode, type RuleContext, type Warning } from '../../../lib/rules';
import { parseProductUrl } from '../../../lib/url';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';
const NOW = new Date('2025-06-01T12:00:00Z');

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  parsed: parseProductUrl(PRODUCT),
  program: 'ww',
  audienceCountry: 'DE',
  now: NOW,
  ...overrides,
});

const codes = (warnings: readonly Warning[]) => warnings.map((w) => w.code);
const find = (ctx: RuleContext, code: RuleCode) => evaluateRules(ctx).find((w) => w.code === code);

interface RuleCase {
  seed: string;
  what: string;
  input: Partial<RuleContext>;
  expected: { code: RuleCode; rank: Warning['rank']; seed: string; params?: Record<string, unknown> };
}

describe('each rule, with its seed', () => {
  it.each<RuleCase>([
    {
      seed: '002',
      what: 'RU&CIS NEW pays non-CIS orders at 50% of WW',
      input: { program: 'ru-cis-new', audienceCountry: 'DE' },
      expected: { code: 'paysShareOfOtherProgram', rank: 'costly', seed: SEED.ruCisNew, params: { country: 'DE', factorPct: 50, otherProgram: 'ww' } },
    },
    {
      seed: '002',
      what: 'RU&CIS NEW: Ukraine is non-CIS, so 50% too',
      input: { program: 'ru-cis-new', audienceCountry: 'UA' },
      expected: { code: 'paysShareOfOtherProgram', rank: 'costly', seed: SEED.ruCisNew, params: { country: 'UA', factorPct: 50, otherProgram: 'ww' } },
    },
    {
      seed: '002',
      what: 'non-affiliate goods to CIS pay 0 since 2022-03-01',
      input: { program: 'ru-cis-new', audienceCountry: 'RU', product: { affiliate: false } },
      expected: { code: 'nonAffiliateUnpaid', rank: 'blocking', seed: SEED.ruCisNew, params: { country: 'RU', date: '2022-03-01' } },
    },
    {
      seed: '002',
      what: 'RU&CIS NEW non-affiliate goods to non-CIS pay 0',
      input: { program: 'ru-cis-new', audienceCountry: 'FR', product: { affiliate: false } },
      expected: { code: 'nonAffiliateUnpaid', rank: 'blocking', seed: SEED.ruCisNew, params: { country: 'FR', date: '2022-03-01' } },
    },
    {
      seed: '002',
      what: 'affiliation unknown where non-affiliate pays 0: check it',
      input: { program: 'ru-cis-new', audienceCountry: 'RU' },
      expected: { code: 'affiliateUnknown', rank: 'info', seed: SEED.ruCisNew, params: { country: 'RU' } },
    },
    {
      seed: '001',
      what: 'Brazil Computer & Office non-affiliate: 0% since 2022-10-20',
      input: { audienceCountry: 'BR', product: { categoryKey: 'computerOffice', affiliate: false } },
      expected: { code: 'brazilComputerOffice', rank: 'blocking', seed: SEED.ww, params: { date: '2022-10-20' } },
    },
    {
      seed: '001',
      what: 'Brazil Computer & Office, affiliation unknown: may be 0%',
      input: { audienceCountry: 'BR', product: { categoryKey: 'tablets' } },
      expected: { code: 'brazilComputerOffice', rank: 'costly', seed: SEED.ww, params: { date: '2022-10-20' } },
    },
    {
      seed: '001',
      what: 'virtual goods earn nothing',
      input: { product: { categoryKey: 'specialCategory' } },
      expected: { code: 'virtualNoCommission', rank: 'blocking', seed: SEED.ww },
    },
    {
      seed: '002',
      what: 'stores on the no-commission list earn nothing',
      input: { program: 'ru-cis-new', product: { storeKind: 'noCommission' } },
      expected: { code: 'noCommissionStore', rank: 'blocking', seed: SEED.ruCisNew },
    },
    {
      seed: '001',
      what: 'Tmall items delivered from Russia are not in the program',
      input: { product: { storeKind: 'tmall' } },
      expected: { code: 'tmallFromRussia', rank: 'costly', seed: SEED.ww },
    },
    {
      seed: '004',
      what: 'tmall.aliexpress.com is not commissionable',
      input: { program: 'eu-benelux', audienceCountry: 'NL', product: { storeKind: 'tmall' } },
      expected: { code: 'storeExcluded', rank: 'blocking', seed: SEED.euBenelux, params: { store: 'tmall' } },
    },
    {
      seed: '004',
      what: 'plaza.aliexpress.com is not commissionable',
      input: { program: 'eu-benelux', audienceCountry: 'NL', product: { storeKind: 'plaza' } },
      expected: { code: 'storeExcluded', rank: 'blocking', seed: SEED.euBenelux, params: { store: 'plaza' } },
    },
    {
      seed: '004',
      what: 'sellers from Russia are not commissionable',
      input: { program: 'eu-benelux', audienceCountry: 'NL', product: { sellerCountry: 'RU' } },
      expected: { code: 'russianSellerExcluded', rank: 'blocking', seed: SEED.euBenelux },
    },
    {
      seed: '001/002',
      what: 'hot-sale rates need a direct product link',
      input: { parsed: parseProductUrl('https://www.aliexpress.com/store/1234'), product: { hot: true } },
      expected: { code: 'hotNeedsProductLink', rank: 'costly', seed: SEED.ww },
    },
    {
      seed: '001',
      what: 'a category page has lower attribution priority than a product page',
      input: { parsed: parseProductUrl('https://www.aliexpress.com/category/100003109/women-clothing.html') },
      expected: { code: 'nonProductPage', rank: 'info', seed: SEED.ww },
    },
    {
      seed: '001',
      what: 'a store page too',
      input: { parsed: parseProductUrl('https://www.aliexpress.com/store/1234') },
      expected: { code: 'nonProductPage', rank: 'info', seed: SEED.ww },
    },
    {
      seed: '001',
      what: 's.click links may lose the commission',
      input: { parsed: parseProductUrl('https://s.click.aliexpress.com/e/_DdNkq3x') },
      expected: { code: 'sClickLink', rank: 'costly', seed: SEED.ww },
    },
    {
      seed: '002',
      what: 'app share links may not track (RU&CIS NEW)',
      input: { program: 'ru-cis-new', parsed: parseProductUrl('https://a.aliexpress.com/_mKabc12') },
      expected: { code: 'appShareLink', rank: 'costly', seed: SEED.ruCisNew },
    },
    {
      seed: '004',
      what: 'only USD payments earn',
      input: { program: 'eu-benelux', audienceCountry: 'NL', product: { price: { amount: 10, currency: 'EUR' } } },
      expected: { code: 'nonUsdPayment', rank: 'costly', seed: SEED.euBenelux, params: { currency: 'EUR', allowed: 'USD' } },
    },
    {
      seed: '004',
      what: 'EU service fee of up to 8% is not commissionable',
      input: { program: 'eu-benelux', audienceCountry: 'NL' },
      expected: { code: 'euServiceFee', rank: 'info', seed: SEED.euBenelux, params: { maxPct: 8 } },
    },
    {
      seed: '000',
      what: 'first-cookie-win during the 11.11 pre-sale, with dates (Admitad programs: seed 000 is its manual)',
      input: { program: 'ru-cis-new', now: new Date('2025-11-01T00:00:00Z') },
      expected: { code: 'saleFirstCookieWin', rank: 'costly', seed: SEED.sale1111, params: { start: '2025-10-28T06:00:00-08:00[PST]', end: '2025-11-10T04:59:59-08:00[PST]' } },
    },
    {
      seed: '000',
      what: 'the 11.11 sale itself: carts must be paid then',
      input: { program: 'ru-cis-new', audienceCountry: 'RU', now: new Date('2025-11-11T00:00:00Z') },
      expected: { code: 'salePaymentWindow', rank: 'info', seed: SEED.sale1111, params: { start: '2025-11-10T05:00:00-08:00[PST]', end: '2025-11-12T04:59:59-08:00[PST]' } },
    },
    {
      seed: '001',
      what: 'audience country unknown: the country rules cannot be checked',
      input: { audienceCountry: null },
      expected: { code: 'audienceUnknown', rank: 'info', seed: SEED.ww },
    },
  ])('seed $seed: $what', ({ input, expected }) => {
    const actual = find(context(input), expected.code);
    expect(actual).toMatchObject({ code: expected.code, rank: expected.rank, seed: expected.seed, ...(expected.params ? { params: expected.params } : {}) });
  });
});

describe('rules that must stay quiet', () => {
  it.each<{ what: string; input: Partial<RuleContext>; absent: RuleCode }>([
    { what: 'RU&CIS NEW for a CIS audience', input: { program: 'ru-cis-new', audienceCountry: 'RU' }, absent: 'paysShareOfOtherProgram' },
    { what: 'affiliate goods to the CIS', input: { program: 'ru-cis-new', audienceCountry: 'RU', product: { affiliate: true } }, absent: 'nonAffiliateUnpaid' },
    { what: 'WW non-affiliate to non-CIS (0.8% to 7%)', input: { audienceCountry: 'FR', product: { affiliate: false } }, absent: 'nonAffiliateUnpaid' },
    {
      what: 'WW non-affiliate to CIS before 2022-03-01',
      input: { audienceCountry: 'KZ', product: { affiliate: false }, now: new Date('2022-02-01T00:00:00Z') },
      absent: 'nonAffiliateUnpaid',
    },
    {
      what: 'Brazil Computer & Office before 2022-10-20',
      input: { audienceCountry: 'BR', product: { categoryKey: 'computerOffice', affiliate: false }, now: new Date('2022-10-19T00:00:00Z') },
      absent: 'brazilComputerOffice',
    },
    { what: 'Brazil, affiliate Computer & Office', input: { audienceCountry: 'BR', product: { categoryKey: 'computerOffice', affiliate: true } }, absent: 'brazilComputerOffice' },
    { what: 'Argentina Computer & Office non-affiliate', input: { audienceCountry: 'AR', product: { categoryKey: 'computerOffice', affiliate: false } }, absent: 'brazilComputerOffice' },
    { what: 'hot item on a product link', input: { product: { hot: true } }, absent: 'hotNeedsProductLink' },
    { what: 'a product page', input: {}, absent: 'nonProductPage' },
    { what: 'a product unwrapped from another affiliate link', input: { parsed: parseProductUrl(`https://ad.admitad.com/g/x/?ulp=${encodeURIComponent(PRODUCT)}`) }, absent: 'sClickLink' },
    { what: 'EU/Benelux with a USD price', input: { program: 'eu-benelux', product: { price: { amount: 10, currency: 'USD' } } }, absent: 'nonUsdPayment' },
    { what: 'service fee outside the EU', input: { audienceCountry: 'US' }, absent: 'euServiceFee' },
    { what: 'pre-sale one second before it starts', input: { now: new Date('2025-10-28T13:59:59Z') }, absent: 'saleFirstCookieWin' },
    { what: 'sale windows in Portals (session tracking)', input: { program: 'portals', now: new Date('2025-11-01T00:00:00Z') }, absent: 'saleFirstCookieWin' },
    { what: 'country rules for Portals', input: { program: 'portals', audienceCountry: null }, absent: 'audienceUnknown' },
  ])('no $absent: $what', ({ input, absent }) => {
    expect(codes(evaluateRules(context(input)))).not.toContain(absent);
  });
});

describe('seed 000 sale windows, yearly, in PST (UTC-08:00)', () => {
  const [presale, sale] = SALE_WINDOWS_SEED_000;
  it.each([
    { what: 'pre-sale opens 10.28 06:00:00 PST', window: presale!, now: '2025-10-28T14:00:00Z', expected: true },
    { what: 'not a second before', window: presale!, now: '2025-10-28T13:59:59Z', expected: false },
    { what: 'pre-sale still on at 11.10 04:59:59 PST', window: presale!, now: '2025-11-10T12:59:59Z', expected: true },
    { what: 'pre-sale over at 11.10 05:00:00 PST', window: presale!, now: '2025-11-10T13:00:00Z', expected: false },
    { what: 'sale opens 11/10 05:00:00 PST', window: sale!, now: '2025-11-10T13:00:00Z', expected: true },
    { what: 'sale still on at 11/12 04:59:59 PST', window: sale!, now: '2025-11-12T12:59:59Z', expected: true },
    { what: 'sale over at 11/12 05:00:00 PST', window: sale!, now: '2025-11-12T13:00:00Z', expected: false },
    { what: 'the same dates another year', window: sale!, now: '2031-11-11T00:00:00Z', expected: true },
    { what: 'not in June', window: presale!, now: '2025-06-01T00:00:00Z', expected: false },
  ])('$what', ({ window, now, expected }) => {
    expect(activeOccurrence(window, new Date(now)) !== null).toBe(expected);
  });

  it('fills in the year the date falls in', () => {
    const actual = activeOccurrence(sale!, new Date('2031-11-11T00:00:00Z'));
    expect({ start: actual?.startText, end: actual?.endText }).toEqual({ start: '2031-11-10T05:00:00-08:00[PST]', end: '2031-11-12T04:59:59-08:00[PST]' });
  });

  it('finds a window that spans New Year (a remote table may define one)', () => {
    const wrapping = { ...presale!, start: { month: 12, day: 30, time: '00:00:00' }, end: { month: 1, day: 2, time: '00:00:00' } };
    expect(activeOccurrence(wrapping, new Date('2026-01-01T12:00:00Z'))?.startText).toBe('2025-12-30T00:00:00-08:00[PST]');
  });
});

describe('evaluateRules', () => {
  it('sorts blocking, then costly, then info', () => {
    const actual = evaluateRules(
      context({
        program: 'ru-cis-new',
        parsed: parseProductUrl('https://www.aliexpress.com/category/100003109/women-clothing.html'),
        audienceCountry: 'DE',
        product: { hot: true, affiliate: false },
        now: new Date('2025-11-01T00:00:00Z'),
      }),
    );
    const ranks = actual.map((w) => w.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => ['blocking', 'costly', 'info'].indexOf(a) - ['blocking', 'costly', 'info'].indexOf(b)));
    expect(codes(actual)).toEqual(['nonAffiliateUnpaid', 'paysShareOfOtherProgram', 'hotNeedsProductLink', 'saleFirstCookieWin']);
  });

  it('lists info after costly', () => {
    const actual = evaluateRules(context({ program: 'ru-cis-new', audienceCountry: 'DE', parsed: parseProductUrl('https://www.aliexpress.com/store/1234') }));
    expect(actual.map((w) => [w.code, w.rank])).toEqual([
      ['paysShareOfOtherProgram', 'costly'],
      ['affiliateUnknown', 'info'],
    ]);
  });

  it('reads regions and advice from the tables it is given', () => {
    const tables: RateTables = { ...DEFAULT_RATE_TABLES, 'ru-cis-new': { ...DEFAULT_RATE_TABLES['ru-cis-new'], advice: [] } };
    expect(codes(evaluateRules(context({ program: 'ru-cis-new', audienceCountry: 'DE' })))).toContain('paysShareOfOtherProgram');
    expect(codes(evaluateRules(context({ program: 'ru-cis-new', audienceCountry: 'DE', tables })))).not.toContain('paysShareOfOtherProgram');
  });

  it('never throws, and skips a rule that fails on odd input', () => {
    const broken = { 'ru-cis-new': { ...DEFAULT_RATE_TABLES['ru-cis-new'], regions: null } } as unknown as RateTables;
    const actual = evaluateRules(context({ program: 'ru-cis-new', audienceCountry: 'RU', product: { hot: true }, parsed: parseProductUrl('https://www.aliexpress.com/store/1234'), tables: broken }));
    expect(codes(actual)).toContain('hotNeedsProductLink');
  });

  it('gives every warning a seed and params matching its message', () => {
    const everything = [
      ...evaluateRules(context({ audienceCountry: 'RU', product: { affiliate: false, hot: true }, parsed: parseProductUrl('https://s.click.aliexpress.com/e/_x') })),
      ...evaluateRules(context({ program: 'ru-cis-new', audienceCountry: 'DE', product: { affiliate: false, hot: true }, parsed: parseProductUrl('https://a.aliexpress.com/_x') })),
      ...evaluateRules(context({ program: 'eu-benelux', audienceCountry: 'NL', product: { storeKind: 'plaza', price: { amount: 1, currency: 'EUR' } } })),
    ];
    for (const w of everything) {
      expect(w.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(w.sources[0]?.seed).toBe(w.seed);
      expect(Object.keys(w.params).sort()).toEqual([...RULE_PARAMS[w.code]].sort());
    }
  });

  it('runs every rule it exports', () => {
    expect(RULES.length).toBe(13);
  });
});
