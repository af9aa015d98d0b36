import { CIS_TARGET_GEO_SEED_002, CIS_TARGET_GEO_SEED_002_SOURCE } from '../countries';
import { SEED } from '../seeds';
import type { CategoryKey, RateEntry, RateTable } from '../types';
import { SALE_WINDOWS_SEED_000 } from './sale-windows';

/**
 * AliExpress RU&CIS NEW, as seed 002 (Admitad's program page) states it.
 *
 * Chronology. The page lists its notices newest first: "Starting from August 16", then
 * "Starting from April 4", then "since March 1, 2022". Only the last names a year, so the two
 * above it are read as 2022 (`from`), while `source.date` keeps what the seed prints (`--08-16`).
 *
 * Numbers that look contradictory, and how they are read:
 * - Non-CIS range "from 0.38% to 34,6%" (2022-03-01) next to a category table topping out at
 *   3.46%: 34.6 is not a slip for 3.46. The 50%-of-WW statement halves WW's "up to 70%" hot-sale
 *   rate to about 35%, so the range covers hot products; the table covers regular ones.
 * - Electronics from special stores: the table prints 0.38%, its footnote says AliExpress
 *   "made a decision to change" them to 0.53%. The 0.38% matches the floor of the dated
 *   2022-03-01 range, the 0.53% is undated, so 0.38% is the current pick; the two entries name
 *   each other in `conflictsWith` and the estimate's range spans both.
 * - The category table is what RU&CIS NEW pays for non-CIS orders ("calculated at this rate");
 *   the 50% of WW is already in it and is not applied again.
 */
/** `printed` is the rate as the seed prints it (decimal comma), for the quote. */
const nonCisCategory = (id: string, categories: readonly CategoryKey[], pct: number, label: string, printed: string): RateEntry => ({
  id: `nonCis.category.${id}`,
  region: 'nonCis',
  productClass: 'affiliate',
  categories,
  rate: { min: pct, max: pct },
  source: { seed: SEED.ruCisNew, quote: `${label} ${printed}%` },
});

/** Seed 002, "1. For orders delivered to non-CIS countries", in the seed's order. */
const NON_CIS_CATEGORY_RATES: readonly RateEntry[] = [
  nonCisCategory('mobilePhone', ['mobilePhone'], 1.15, 'Mobile phone', '1,15'),
  nonCisCategory('computerPeripherals', ['computerPeripherals'], 1.15, 'Computer peripherals', '1,15'),
  nonCisCategory('tablets', ['tablets'], 1.15, 'Tablets', '1,15'),
  nonCisCategory('desktop', ['desktop'], 1.15, 'Desktop', '1,15'),
  nonCisCategory('laptopNetbooks', ['laptopNetbooks'], 1.15, 'Laptop netbooks', '1,15'),
  nonCisCategory('homeAudioVideo', ['homeAudioVideo'], 1.15, 'Home audio& video equipment', '1,15'),
  nonCisCategory('externalStorage', ['externalStorage'], 1.15, 'External storage', '1,15'),
  nonCisCategory('internalStorage', ['internalStorage'], 1.15, 'Internal storage', '1,15'),
  nonCisCategory('mobilePhoneAccessories', ['mobilePhoneAccessories'], 3.46, 'Mobile phone accessories', '3,46'),
  nonCisCategory('interiorAccessories', ['interiorAccessories'], 3.46, 'Interior accessories', '3,46'),
  nonCisCategory('gardenSupplies', ['gardenSupplies'], 3.46, 'Garden supplies', '3,46'),
  nonCisCategory('womensClothing', ['womensClothing'], 3.46, "Women's clothing", '3,46'),
  nonCisCategory('mensClothing', ['mensClothing'], 3.46, "Men's clothing", '3,46'),
  nonCisCategory('childrensClothing', ['childrensClothing'], 3.46, "Children's clothing", '3,46'),
  nonCisCategory('otherCategories', ['otherCategories'], 2.7, 'All other categories', '2,70'),
  // Seed 001's "Computer & Office" (its Brazil rule) is split by seed 002: peripherals, tablets,
  // desktops, laptops and storage at 1.15%, the rest of it under "All other categories".
  {
    id: 'nonCis.category.computerOffice',
    region: 'nonCis',
    productClass: 'affiliate',
    categories: ['computerOffice'],
    rate: { min: 1.15, max: 2.7 },
    derived: true,
    source: { seed: SEED.ruCisNew, quote: 'Computer peripherals 1,15% ... Laptop netbooks 1,15% ... All other categories 2,70%' },
  },
];

const VIRTUAL_QUOTE =
  'all virtual products covered by special category, travel and coupon services or books are NOT subject to commission';

export const RU_CIS_NEW_TABLE: RateTable = {
  program: 'ru-cis-new',
  version: 'seeds-2022-08-16',
  source: { seed: SEED.ruCisNew, quote: 'Programa de afiliación AliExpress RU&CIS NEW' },
  regions: [
    { id: 'cis', kind: 'listed', countries: CIS_TARGET_GEO_SEED_002, source: CIS_TARGET_GEO_SEED_002_SOURCE },
    {
      id: 'nonCis',
      kind: 'rest',
      source: { seed: SEED.ruCisNew, quote: 'orders delivered to non-CIS countries (including Ukraine)' },
    },
  ],
  rates: [
    ...NON_CIS_CATEGORY_RATES,
    {
      id: 'nonCis.affiliate',
      region: 'nonCis',
      productClass: 'affiliate',
      rate: { min: 0.38, max: 34.6 },
      from: '2022-03-01',
      source: {
        seed: SEED.ruCisNew,
        date: '2022-03-01',
        quote: 'The commission rates for orders of affiliate products that are delivered to non-CIS countries will range from 0.38% to 34,6%.',
      },
    },
    {
      id: 'nonCis.hotSale',
      region: 'nonCis',
      productClass: 'hotSale',
      rate: { min: 0.38, max: 34.6 },
      from: '2022-03-01',
      source: { seed: SEED.ruCisNew, date: '2022-03-01', quote: 'will range from 0.38% to 34,6%' },
    },
    {
      id: 'nonCis.nonAffiliate',
      region: 'nonCis',
      productClass: 'nonAffiliate',
      rate: { min: 0, max: 0 },
      from: '2022-03-01',
      source: {
        seed: SEED.ruCisNew,
        date: '2022-03-01',
        quote: 'commission for orders of non-affiliate products delivered to non-CIS countries aren’t paid',
      },
    },
    {
      id: 'nonCis.store.specialElectronics',
      region: 'nonCis',
      productClass: 'store',
      storeKind: 'specialElectronics',
      rate: { min: 0.38, max: 0.38 },
      from: '2022-03-01',
      conflictsWith: ['nonCis.store.specialElectronics.footnote'],
      source: { seed: SEED.ruCisNew, date: '2022-03-01', quote: 'Electronics from special stores** 0,38%' },
    },
    {
      id: 'nonCis.store.specialElectronics.footnote',
      region: 'nonCis',
      productClass: 'store',
      storeKind: 'specialElectronics',
      rate: { min: 0.53, max: 0.53 },
      conflictsWith: ['nonCis.store.specialElectronics'],
      source: {
        seed: SEED.ruCisNew,
        quote: 'AliExpress made a decision to change the commission rates for orders made at the stores from this list. The commission for such orders is 0.53%.',
      },
    },
    {
      id: 'nonCis.store.chuwiGlobal',
      region: 'nonCis',
      productClass: 'store',
      storeKind: 'chuwiGlobal',
      rate: { min: 1.05, max: 1.05 },
      source: { seed: SEED.ruCisNew, quote: 'The commission for orders from CHUWI Global - Flagship Store is 1.05%.' },
    },
    {
      id: 'nonCis.virtual',
      region: 'nonCis',
      productClass: 'virtual',
      rate: { min: 0, max: 0 },
      source: { seed: SEED.ruCisNew, quote: `Special category* 0% ... *${VIRTUAL_QUOTE}` },
    },
    {
      id: 'cis.affiliate',
      region: 'cis',
      productClass: 'affiliate',
      rate: { min: 0.35, max: 62.3 },
      source: {
        seed: SEED.ruCisNew,
        quote: 'Commission doesn’t depend on the product category. Commission Rates are set by AliExpress sellers for each product. Rates range from 0.35% to 62,3%.',
      },
    },
    {
      id: 'cis.affiliate.russianSellers',
      region: 'cis',
      productClass: 'affiliate',
      seller: 'russian',
      rate: { min: 0.7, max: 62.3 },
      source: {
        seed: SEED.ruCisNew,
        date: '--08-16',
        quote: 'The commission for the goods of Russian sellers delivered to the CIS countries remains the same: from 0.7% to 62,3%.',
      },
    },
    {
      id: 'cis.affiliate.crossborder',
      region: 'cis',
      productClass: 'affiliate',
      seller: 'crossborder',
      rate: { min: 0.35, max: 33.5 },
      until: '2022-08-16',
      source: {
        seed: SEED.ruCisNew,
        date: '--08-16',
        quote: 'The current rates for affiliate products from foreign sellers range from 0.35% to 33,5%.',
      },
    },
    // "increased up to 60% of the current values": 33.5% * 1.6 = 53.6% at most.
    {
      id: 'cis.affiliate.crossborder.increased',
      region: 'cis',
      productClass: 'affiliate',
      seller: 'crossborder',
      rate: { min: 0.35, max: 53.6 },
      from: '2022-08-16',
      derived: true,
      source: {
        seed: SEED.ruCisNew,
        date: '--08-16',
        quote: 'Starting from August 16 the rates for affiliate products from foreign sellers ... will be increased. The rate can be increased up to 60% of the current values.',
      },
    },
    {
      id: 'cis.nonAffiliate',
      region: 'cis',
      productClass: 'nonAffiliate',
      rate: { min: 0, max: 0 },
      from: '2022-03-01',
      source: {
        seed: SEED.ruCisNew,
        date: '2022-03-01',
        quote: 'Commission for orders of non-affiliate products delivered to CIS countries won’t be paid.',
      },
    },
    {
      id: 'cis.virtual',
      region: 'cis',
      productClass: 'virtual',
      rate: { min: 0, max: 0 },
      source: { seed: SEED.ruCisNew, quote: VIRTUAL_QUOTE },
    },
    {
      id: 'store.noCommission',
      productClass: 'store',
      storeKind: 'noCommission',
      rate: { min: 0, max: 0 },
      source: {
        seed: SEED.ruCisNew,
        quote: 'The commission for orders from the stores, which are included in this list, isn’t paid regardless of the country of order’s delivery.',
      },
    },
  ],
  cap: { amount: 38, currency: 'USD', source: { seed: SEED.ruCisNew, quote: 'Maximum commission for the paid order is $38.' } },
  cookies: [{ kind: 'days', days: 3, source: { seed: SEED.ruCisNew, quote: 'cookie PostClick 3 días' } }],
  newBuyerBonuses: [],
  notCommissionable: [
    // Seed 002 does not mention shipping; it says joining either program accepts "the rules of
    // both programs", and WW's rules (seed 001) exclude shipping.
    {
      kind: 'shipping',
      source: { seed: SEED.ww, quote: 'Commission is charged on the cost of goods excluding shipping costs' },
    },
    { kind: 'virtualGoods', source: { seed: SEED.ruCisNew, quote: VIRTUAL_QUOTE } },
    {
      kind: 'store',
      storeKind: 'noCommission',
      source: { seed: SEED.ruCisNew, quote: 'isn’t paid regardless of the country of order’s delivery' },
    },
  ],
  advice: [
    {
      region: 'nonCis',
      preferProgram: 'ww',
      factorPct: 50,
      source: {
        seed: SEED.ruCisNew,
        quote: 'Rewards for orders delivered to non-CIS countries in the AliExpress RU&CIS NEW program is currently paid at 50% of the rate in the AliExpress WW program.',
      },
    },
  ],
  saleWindows: SALE_WINDOWS_SEED_000,
  payout: {
    currency: 'RUB',
    from: '2022-04-04',
    source: {
      seed: SEED.ruCisNew,
      date: '--04-04',
      quote: 'Starting from April 4, the commission for orders in AliExpress RU&CIS NEW program will be accrued in rubles at AliExpress internal conversion rate.',
    },
  },
};
