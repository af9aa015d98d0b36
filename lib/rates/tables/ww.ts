import { CIS_SEED_001, CIS_SEED_001_SOURCE } from '../countries';
import { SEED } from '../seeds';
import type { RateTable } from '../types';

/**
 * AliExpress WW through ePN, as seed 001 (ePN's program page) states it; WW through Admitad is
 * derived at runtime (../program-table.ts). Seed 001 gives ranges, not per-category rates; the
 * estimator derives a per-category best guess from seed 002's table and its "50% of the rate in
 * the AliExpress WW program" (see ./ru-cis-new.ts `advice`), and says it is derived.
 *
 * CIS orders: seed 001 gives WW rates for them ("orders to CIS countries, except Ukraine"), so WW
 * credits them. Its non-affiliate CIS rate is "from 0%": seed 001 points to "changes in the amount
 * of the commission since March 1, 2022" without stating them, and seed 002's March 2022 notice is
 * RU&CIS NEW's, not WW's.
 */
const COMPUTER_OFFICE = [
  'computerOffice',
  'computerPeripherals',
  'tablets',
  'desktop',
  'laptopNetbooks',
  'externalStorage',
  'internalStorage',
] as const;

export const WW_TABLE: RateTable = {
  program: 'ww',
  version: 'seeds-2022-10-20',
  source: { seed: SEED.ww, quote: 'AliExpress affiliate program — earn up to 70% from an order' },
  regions: [
    { id: 'cis', kind: 'listed', countries: CIS_SEED_001, source: CIS_SEED_001_SOURCE },
    { id: 'nonCis', kind: 'rest', source: CIS_SEED_001_SOURCE },
  ],
  rates: [
    // The hot-sale minimum is not printed per region; seed 001 gives the overall span
    // "from 0.8% to 70%", and a hot item never earns less than its standard rate.
    {
      id: 'nonCis.hotSale',
      region: 'nonCis',
      productClass: 'hotSale',
      rate: { min: 0.8, max: 70 },
      source: { seed: SEED.ww, quote: 'Hot sale products up to 70%' },
    },
    {
      id: 'nonCis.affiliate',
      region: 'nonCis',
      productClass: 'affiliate',
      rate: { min: 0.8, max: 7 },
      source: { seed: SEED.ww, quote: 'Affiliate products from 0.8% to 7%' },
    },
    {
      id: 'nonCis.nonAffiliate',
      region: 'nonCis',
      productClass: 'nonAffiliate',
      rate: { min: 0.8, max: 7 },
      source: { seed: SEED.ww, quote: 'Non-affiliate products from 0.8 to 7%' },
    },
    {
      id: 'nonCis.nonAffiliate.brazilComputerOffice',
      region: 'nonCis',
      productClass: 'nonAffiliate',
      countries: ['BR'],
      categories: COMPUTER_OFFICE,
      rate: { min: 0, max: 0 },
      from: '2022-10-20',
      source: {
        seed: SEED.ww,
        date: '2022-10-20',
        quote: 'Since October 20, 2022, non-affiliate products in the Computer & Office category shipped to Brazil will have a 0% commission rate.',
      },
    },
    {
      id: 'nonCis.virtual',
      region: 'nonCis',
      productClass: 'virtual',
      rate: { min: 0, max: 0 },
      source: { seed: SEED.ww, quote: 'Transportation costs / mobile payments / any kind of virtual goods and services 0%' },
    },
    {
      id: 'cis.hotSale',
      region: 'cis',
      productClass: 'hotSale',
      rate: { min: 0.72, max: 70 },
      source: { seed: SEED.ww, quote: 'Webmaster rates for orders to CIS countries, except Ukraine: ... Hot sale products up to 70%' },
    },
    {
      id: 'cis.affiliate',
      region: 'cis',
      productClass: 'affiliate',
      rate: { min: 0.72, max: 7 },
      source: { seed: SEED.ww, quote: 'Affiliate products from 0.72% to 7%' },
    },
    {
      id: 'cis.nonAffiliate',
      region: 'cis',
      productClass: 'nonAffiliate',
      rate: { min: 0, max: null },
      source: { seed: SEED.ww, quote: 'Non-affiliate from 0%' },
    },
    {
      id: 'cis.virtual',
      region: 'cis',
      productClass: 'virtual',
      rate: { min: 0, max: 0 },
      source: { seed: SEED.ww, quote: 'Transportation costs / mobile payments / any kind of virtual goods and services 0%' },
    },
    {
      id: 'store.noCommission',
      productClass: 'store',
      storeKind: 'noCommission',
      rate: { min: 0, max: 0 },
      source: { seed: SEED.ww, quote: 'Stores without commission 0%' },
    },
  ],
  cap: { amount: 38.5, currency: 'USD', source: { seed: SEED.ww, quote: 'is no more than $ 38.5 per order' } },
  cookies: [
    { region: 'cis', kind: 'days', days: 15, source: { seed: SEED.ww, quote: 'Cookie life time 15 days - for the CIS countries' } },
    { region: 'nonCis', kind: 'days', days: 3, source: { seed: SEED.ww, quote: '3 days - for other countries' } },
  ],
  newBuyerBonuses: [],
  notCommissionable: [
    { kind: 'shipping', source: { seed: SEED.ww, quote: 'Commission is charged on the cost of goods excluding shipping costs' } },
    { kind: 'virtualGoods', source: { seed: SEED.ww, quote: 'any kind of virtual goods and services 0%' } },
    {
      kind: 'store',
      storeKind: 'tmall',
      condition: 'shipsFromRussia',
      source: { seed: SEED.ww, quote: 'All products ... are participating ..., except items from the "Tmall" section with delivery from Russia.' },
    },
    { kind: 'store', storeKind: 'noCommission', source: { seed: SEED.ww, quote: 'Stores without commission 0%' } },
    {
      kind: 'appExpressDelivery',
      source: { seed: SEED.ww, quote: 'For goods with express delivery from the "Yes!" no commission is charged in the AliExpress mobile application.' },
    },
  ],
  advice: [],
  // Seed 000 is Admitad's 11.11 manual: its windows are in Admitad's programs (./ru-cis-new.ts).
  saleWindows: [],
  payout: null,
};
