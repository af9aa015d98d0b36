/**
 * Every number from the seeds that the product uses, each as a case naming its seed
 * (docs/architecture.md, 'Source documents'). Cases go through `estimateCommission`, the way the popup reads them, except
 * the country lists, which are checked as data.
 */
import { describe, expect, it } from 'vitest';
import { CIS_SEED_001, CIS_TARGET_GEO_SEED_002, EU_MEMBER_STATES, RUSSIAN_SPEAKERS_SEED_004 } from '../../../lib/rates/countries';
import { estimateCommission, type Estimate, type EstimateInput, type ProductFacts } from '../../../lib/rates/estimate';
import { SEED } from '../../../lib/rates/seeds';
import { DEFAULT_RATE_TABLES } from '../../../lib/rates/tables';
import type { CategoryKey } from '../../../lib/rates/types';
import type { ProgramId } from '../../../lib/presets/types';

const NOW = new Date('2025-06-01T12:00:00Z');

function estimate(program: ProgramId, country: string | null, product: ProductFacts = {}, extra: Partial<EstimateInput> = {}): Estimate {
  return estimateCommission({ program, audienceCountry: country, linkKind: 'product', now: NOW, product, ...extra }, DEFAULT_RATE_TABLES);
}

/** The seed every fact of an estimate with this id cites. */
const seedsOf = (actual: Estimate, id: string) => actual.facts.filter((f) => f.id === id).map((f) => f.source?.seed);

describe('seed 002: RU&CIS NEW, affiliate products delivered to non-CIS countries, by category', () => {
  it.each<{ category: CategoryKey; label: string; expected: number }>([
    { category: 'mobilePhone', label: 'Mobile phone', expected: 1.15 },
    { category: 'computerPeripherals', label: 'Computer peripherals', expected: 1.15 },
    { category: 'tablets', label: 'Tablets', expected: 1.15 },
    { category: 'desktop', label: 'Desktop', expected: 1.15 },
    { category: 'laptopNetbooks', label: 'Laptop netbooks', expected: 1.15 },
    { category: 'homeAudioVideo', label: 'Home audio& video equipment', expected: 1.15 },
    { category: 'externalStorage', label: 'External storage', expected: 1.15 },
    { category: 'internalStorage', label: 'Internal storage', expected: 1.15 },
    { category: 'mobilePhoneAccessories', label: 'Mobile phone accessories', expected: 3.46 },
    { category: 'interiorAccessories', label: 'Interior accessories', expected: 3.46 },
    { category: 'gardenSupplies', label: 'Garden supplies', expected: 3.46 },
    { category: 'womensClothing', label: "Women's clothing", expected: 3.46 },
    { category: 'mensClothing', label: "Men's clothing", expected: 3.46 },
    { category: 'childrensClothing', label: "Children's clothing", expected: 3.46 },
    { category: 'otherCategories', label: 'All other categories', expected: 2.7 },
  ])('$label: $expected% (seed 002)', ({ category, expected }) => {
    const actual = estimate('ru-cis-new', 'DE', { categoryKey: category, affiliate: true });
    expect({ rate: actual.rate, best: actual.best, byCategory: actual.byCategory }).toEqual({ rate: { min: expected, max: expected }, best: expected, byCategory: true });
    expect(seedsOf(actual, 'rateByCategory')).toEqual([SEED.ruCisNew]);
  });
});

interface NumberCase {
  seed: string;
  what: string;
  program: ProgramId;
  country: string | null;
  product?: ProductFacts;
  extra?: Partial<EstimateInput>;
  expected: Partial<Pick<Estimate, 'rate' | 'best' | 'region'>>;
}

describe('rates from the seeds, as the estimate gives them', () => {
  it.each<NumberCase>([
    // Seed 001: AliExpress WW (ePN), non-CIS.
    { seed: '001', what: 'WW hot sale to non-CIS: up to 70%', program: 'ww', country: 'FR', product: { hot: true }, expected: { rate: { min: 0.8, max: 70 } } },
    { seed: '001', what: 'WW affiliate to non-CIS: 0.8% to 7%', program: 'ww', country: 'FR', product: { affiliate: true }, expected: { rate: { min: 0.8, max: 7 }, best: null } },
    { seed: '001', what: 'WW non-affiliate to non-CIS: 0.8% to 7%', program: 'ww', country: 'FR', product: { affiliate: false }, expected: { rate: { min: 0.8, max: 7 } } },
    { seed: '001', what: 'WW virtual goods to non-CIS: 0%', program: 'ww', country: 'FR', product: { categoryKey: 'specialCategory' }, expected: { rate: { min: 0, max: 0 }, best: 0 } },
    {
      seed: '001',
      what: 'WW Brazil Computer & Office non-affiliate: 0% since 2022-10-20',
      program: 'ww',
      country: 'BR',
      product: { categoryKey: 'computerOffice', affiliate: false },
      expected: { rate: { min: 0, max: 0 }, best: 0 },
    },
    {
      seed: '001',
      what: 'WW Brazil Computer & Office non-affiliate before 2022-10-20: the usual 0.8% to 7%',
      program: 'ww',
      country: 'BR',
      product: { categoryKey: 'computerOffice', affiliate: false },
      extra: { now: new Date('2022-10-19T12:00:00Z') },
      expected: { rate: { min: 0.8, max: 7 } },
    },
    {
      seed: '001',
      what: 'WW Brazil, a Computer & Office subcategory (laptops) non-affiliate: 0%',
      program: 'ww',
      country: 'BR',
      product: { categoryKey: 'laptopNetbooks', affiliate: false },
      expected: { rate: { min: 0, max: 0 } },
    },
    {
      seed: '001',
      what: 'WW Brazil, clothing non-affiliate: not the Computer & Office rule',
      program: 'ww',
      country: 'BR',
      product: { categoryKey: 'womensClothing', affiliate: false },
      expected: { rate: { min: 0.8, max: 7 } },
    },
    // Seed 001: WW, CIS.
    { seed: '001', what: 'WW hot sale to CIS: up to 70%', program: 'ww', country: 'KZ', product: { hot: true }, expected: { rate: { min: 0.72, max: 70 } } },
    { seed: '001', what: 'WW affiliate to CIS: 0.72% to 7%', program: 'ww', country: 'KZ', product: { affiliate: true }, expected: { rate: { min: 0.72, max: 7 } } },
    {
      seed: '001',
      what: 'WW non-affiliate to CIS before 2022-03-01: from 0%',
      program: 'ww',
      country: 'KZ',
      product: { affiliate: false },
      extra: { now: new Date('2022-02-28T12:00:00Z') },
      expected: { rate: { min: 0, max: null } },
    },
    // Seed 002's March 2022 notice is RU&CIS NEW's: WW's own page (seed 001) keeps "from 0%".
    { seed: '001', what: 'WW non-affiliate to CIS after 2022-03-01: still from 0% (seed 002 speaks for RU&CIS NEW)', program: 'ww', country: 'KZ', product: { affiliate: false }, expected: { rate: { min: 0, max: null } } },
    { seed: '001', what: 'WW stores without commission: 0%', program: 'ww', country: 'FR', product: { storeKind: 'noCommission' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '001', what: 'WW Ukraine is non-CIS ("except Ukraine")', program: 'ww', country: 'UA', expected: { region: 'nonCis' } },
    // Seed 002: RU&CIS NEW.
    {
      seed: '002',
      what: 'RU&CIS affiliate to non-CIS, category unknown: 0.38% to 34.6% since 2022-03-01',
      program: 'ru-cis-new',
      country: 'DE',
      product: { affiliate: true },
      expected: { rate: { min: 0.38, max: 34.6 } },
    },
    { seed: '002', what: 'RU&CIS hot products to non-CIS: up to 34.6%', program: 'ru-cis-new', country: 'DE', product: { hot: true }, expected: { rate: { min: 0.38, max: 34.6 } } },
    { seed: '002', what: 'RU&CIS non-affiliate to non-CIS: 0% since 2022-03-01', program: 'ru-cis-new', country: 'DE', product: { affiliate: false }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '002', what: 'RU&CIS non-affiliate to CIS: 0% since 2022-03-01', program: 'ru-cis-new', country: 'RU', product: { affiliate: false }, expected: { rate: { min: 0, max: 0 }, best: 0 } },
    {
      seed: '002',
      what: 'RU&CIS electronics from special stores: 0.38% (table, 2022-03-01) over the footnote 0.53%',
      program: 'ru-cis-new',
      country: 'DE',
      product: { storeKind: 'specialElectronics', affiliate: true },
      expected: { rate: { min: 0.38, max: 0.53 }, best: 0.38 },
    },
    {
      seed: '002',
      what: 'RU&CIS special stores before 2022-03-01: the footnote 0.53%',
      program: 'ru-cis-new',
      country: 'DE',
      product: { storeKind: 'specialElectronics', affiliate: true },
      extra: { now: new Date('2022-02-01T00:00:00Z') },
      expected: { rate: { min: 0.53, max: 0.53 }, best: 0.53 },
    },
    { seed: '002', what: 'RU&CIS CHUWI Global - Flagship Store: 1.05%', program: 'ru-cis-new', country: 'DE', product: { storeKind: 'chuwiGlobal', affiliate: true }, expected: { rate: { min: 1.05, max: 1.05 }, best: 1.05 } },
    { seed: '002', what: 'RU&CIS special category (virtual): 0%', program: 'ru-cis-new', country: 'DE', product: { categoryKey: 'specialCategory' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '002', what: 'RU&CIS stores on the no-commission list: 0% in any country', program: 'ru-cis-new', country: 'RU', product: { storeKind: 'noCommission' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '002', what: 'RU&CIS affiliate to CIS: 0.35% to 62.3%, set by sellers', program: 'ru-cis-new', country: 'RU', product: { affiliate: true }, expected: { rate: { min: 0.35, max: 62.3 } } },
    {
      seed: '002',
      what: 'RU&CIS Russian sellers to CIS: 0.7% to 62.3%',
      program: 'ru-cis-new',
      country: 'RU',
      product: { affiliate: true, sellerCountry: 'RU' },
      expected: { rate: { min: 0.7, max: 62.3 } },
    },
    {
      seed: '002',
      what: 'RU&CIS foreign sellers to CIS before August 16: 0.35% to 33.5%',
      program: 'ru-cis-new',
      country: 'RU',
      product: { affiliate: true, sellerCountry: 'CN' },
      extra: { now: new Date('2022-08-15T12:00:00Z') },
      expected: { rate: { min: 0.35, max: 33.5 } },
    },
    {
      seed: '002',
      what: 'RU&CIS foreign sellers to CIS from August 16: up to 60% more, 33.5% * 1.6 = 53.6%',
      program: 'ru-cis-new',
      country: 'RU',
      product: { affiliate: true, sellerCountry: 'CN' },
      expected: { rate: { min: 0.35, max: 53.6 } },
    },
    {
      seed: '002',
      what: 'RU&CIS Computer & Office to non-CIS: its subcategories span 1.15% to 2.70%',
      program: 'ru-cis-new',
      country: 'DE',
      product: { categoryKey: 'computerOffice', affiliate: true },
      expected: { rate: { min: 1.15, max: 2.7 }, best: null },
    },
    { seed: '002', what: 'RU&CIS Ukraine is non-CIS ("including Ukraine")', program: 'ru-cis-new', country: 'UA', expected: { region: 'nonCis' } },
    {
      seed: '002',
      what: 'WW per category: RU&CIS pays 50% of WW, so Mobile phone 1.15% -> WW 2.3%',
      program: 'ww',
      country: 'DE',
      product: { categoryKey: 'mobilePhone', affiliate: true },
      expected: { rate: { min: 0.8, max: 7 }, best: 2.3 },
    },
    {
      seed: '002',
      what: "WW per category: Women's clothing 3.46% -> WW 6.92%",
      program: 'ww',
      country: 'DE',
      product: { categoryKey: 'womensClothing', affiliate: true },
      expected: { best: 6.92 },
    },
    // Seed 003: Portals.
    { seed: '003', what: 'Portals: minimum 8%, no stated maximum', program: 'portals', country: 'US', expected: { rate: { min: 8, max: null } } },
    // Seed 004: EU/Benelux.
    { seed: '004', what: 'EU/Benelux: no rate stated for regular goods', program: 'eu-benelux', country: 'NL', expected: { rate: { min: 0, max: null }, best: null } },
    { seed: '004', what: 'EU/Benelux virtual products: 0%', program: 'eu-benelux', country: 'NL', product: { categoryKey: 'specialCategory' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '004', what: 'EU/Benelux tmall.aliexpress.com: not commissionable', program: 'eu-benelux', country: 'NL', product: { storeKind: 'tmall' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '004', what: 'EU/Benelux plaza.aliexpress.com: not commissionable', program: 'eu-benelux', country: 'NL', product: { storeKind: 'plaza' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '004', what: 'EU/Benelux sellers from Russia: not commissionable', program: 'eu-benelux', country: 'NL', product: { sellerCountry: 'RU' }, expected: { rate: { min: 0, max: 0 } } },
    { seed: '004', what: 'EU/Benelux Estonia is among the Russian speakers', program: 'eu-benelux', country: 'EE', expected: { region: 'russianSpeakers' } },
    { seed: '004', what: 'EU/Benelux Azerbaijan is not among the Russian speakers', program: 'eu-benelux', country: 'AZ', expected: { region: 'otherCountries' } },
  ])('seed $seed: $what', ({ program, country, product, extra, expected }) => {
    const actual = estimate(program, country, product, extra);
    expect(actual).toMatchObject(expected);
  });
});

describe('caps, bonuses, cookies and payouts from the seeds', () => {
  it.each([
    { seed: '001', what: 'WW cap $38.5 per order', program: 'ww' as const, expected: { amount: 38.5, currency: 'USD', seed: SEED.ww } },
    { seed: '002', what: 'RU&CIS cap $38 per order', program: 'ru-cis-new' as const, expected: { amount: 38, currency: 'USD', seed: SEED.ruCisNew } },
    { seed: '004', what: 'EU/Benelux cap EUR 30.94 per order', program: 'eu-benelux' as const, expected: { amount: 30.94, currency: 'EUR', seed: SEED.euBenelux } },
  ])('seed $seed: $what', ({ program, expected }) => {
    const cap = estimate(program, 'DE').cap;
    const actual = cap && { amount: cap.amount, currency: cap.currency, seed: cap.source.seed };
    expect(actual).toEqual(expected);
  });

  it('seed 003: Portals states no cap', () => {
    expect(estimate('portals', 'DE').cap).toBeNull();
  });

  it.each([
    { seed: '001', what: 'WW: the cap applies to the commission ($5,000 phone at 2.3% is $115 -> $38.5)', program: 'ww' as const, amount: 5000, currency: 'USD', expected: { best: 38.5, capped: true } },
    { seed: '002', what: 'RU&CIS: $5,000 phone at 1.15% is $57.5 -> $38', program: 'ru-cis-new' as const, amount: 5000, currency: 'USD', expected: { best: 38, capped: true } },
    { seed: '002', what: 'RU&CIS: $100 phone at 1.15% is $1.15, under the cap', program: 'ru-cis-new' as const, amount: 100, currency: 'USD', expected: { best: 1.15, capped: false } },
    { seed: '001', what: 'rounded down to the cent ($99.99 at 1.15% is $1.1498 -> $1.14)', program: 'ru-cis-new' as const, amount: 99.99, currency: 'USD', expected: { best: 1.14 } },
  ])('seed $seed: $what', ({ program, amount, currency, expected }) => {
    const actual = estimate(program, 'DE', { categoryKey: 'mobilePhone', affiliate: true, price: { amount, currency } }).commission;
    expect(actual).toMatchObject(expected);
  });

  it('seed 004: the EUR cap applies only to EUR prices (a USD price is not converted)', () => {
    const actual = estimate('eu-benelux', 'NL', { price: { amount: 1000, currency: 'USD' } });
    expect(actual.commission?.capped).toBe(false);
    expect(actual.facts.map((f) => f.id)).toContain('capOtherCurrency');
  });

  it.each([
    { country: 'RU', expected: 1.23 },
    { country: 'ES', expected: 2.45 },
    { country: 'FR', expected: 2.45 },
    { country: 'NL', expected: 2.45 },
    { country: 'BE', expected: 2.45 },
    { country: 'PL', expected: 1.84 },
    { country: 'SA', expected: 1.84 },
    { country: 'AE', expected: 1.84 },
    { country: 'TR', expected: 1.84 },
  ])('seed 004: new-buyer bonus for $country is EUR $expected', ({ country, expected }) => {
    const actual = estimate('eu-benelux', country).newBuyerBonus;
    expect(actual).toMatchObject({ amount: expected, currency: 'EUR', country });
    expect(actual?.source.seed).toBe(SEED.euBenelux);
  });

  it('seed 004: no new-buyer bonus where the seed names none (Germany)', () => {
    expect(estimate('eu-benelux', 'DE').newBuyerBonus).toBeNull();
  });

  it.each([
    { seed: '001', what: 'WW cookie: 15 days for the CIS', program: 'ww' as const, country: 'RU', expected: { kind: 'days', days: 15 } },
    { seed: '001', what: 'WW cookie: 3 days for other countries', program: 'ww' as const, country: 'DE', expected: { kind: 'days', days: 3 } },
    { seed: '002', what: 'RU&CIS cookie PostClick: 3 days', program: 'ru-cis-new' as const, country: 'RU', expected: { kind: 'days', days: 3 } },
    { seed: '003', what: 'Portals: session tracking', program: 'portals' as const, country: 'DE', expected: { kind: 'session' } },
    { seed: '004', what: 'EU/Benelux: session tracking', program: 'eu-benelux' as const, country: 'NL', expected: { kind: 'session' } },
  ])('seed $seed: $what', ({ program, country, expected }) => {
    expect(estimate(program, country).cookie).toEqual(expected);
  });

  it('seed 002: RU&CIS commission accrues in rubles since April 4', () => {
    const actual = estimate('ru-cis-new', 'RU').facts.find((f) => f.id === 'payoutCurrency');
    expect(actual?.params).toEqual({ currency: 'RUB' });
  });

  it.each([
    { seed: '004', what: 'EU service fee of up to 8% is not commissionable (Spain)', program: 'eu-benelux' as const, country: 'ES', id: 'serviceFeeExcluded', expected: { maxPct: 8 } },
    { seed: '004', what: 'only transactions paid in US dollars earn', program: 'eu-benelux' as const, country: 'ES', id: 'usdOnly', expected: { currency: 'USD' } },
    { seed: '001', what: 'shipping is not commissionable (WW)', program: 'ww' as const, country: 'DE', id: 'goodsOnly', expected: {} },
    { seed: '002', what: 'RU&CIS pays non-CIS orders at 50% of WW', program: 'ru-cis-new' as const, country: 'DE', id: 'programShare', expected: { otherProgram: 'ww', factorPct: 50 } },
    { seed: '001', what: 'WW through ePN pays CIS orders: no advice to move them', program: 'ww' as const, country: 'RU', id: 'programAdvice', expected: undefined },
  ])('seed $seed: $what', ({ program, country, id, expected }) => {
    const actual = estimate(program, country).facts.find((f) => f.id === id)?.params;
    expect(actual).toEqual(expected);
  });
});

describe('country lists, as each seed states them', () => {
  it('seeds 001 and 002 name the same eleven CIS countries', () => {
    expect([...CIS_SEED_001].sort()).toEqual([...CIS_TARGET_GEO_SEED_002].sort());
    expect(CIS_SEED_001).toHaveLength(11);
  });

  it.each([
    { seed: '001', list: CIS_SEED_001 },
    { seed: '002', list: CIS_TARGET_GEO_SEED_002 },
  ])('seed $seed: Ukraine is not in the CIS list', ({ list }) => {
    expect(list).not.toContain('UA');
  });

  it('seed 004: the Russian speakers add Estonia, Latvia, Lithuania and Ukraine, and lack Azerbaijan', () => {
    const actual = {
      added: RUSSIAN_SPEAKERS_SEED_004.filter((c) => !(CIS_SEED_001 as readonly string[]).includes(c)).sort(),
      missing: CIS_SEED_001.filter((c) => !(RUSSIAN_SPEAKERS_SEED_004 as readonly string[]).includes(c)),
    };
    expect(actual).toEqual({ added: ['EE', 'LT', 'LV', 'UA'], missing: ['AZ'] });
  });

  it('the EU list used for seed 004 service fee has the 27 member states', () => {
    expect(new Set(EU_MEMBER_STATES).size).toBe(27);
  });

  it.each(Object.values(DEFAULT_RATE_TABLES).flatMap((table) => table.regions.map((region) => ({ program: table.program, region }))))(
    '$program region $region.id cites its seed',
    ({ region }) => {
      expect(Object.values(SEED)).toContain(region.source.seed);
    },
  );
});
