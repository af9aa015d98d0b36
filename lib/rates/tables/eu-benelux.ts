import { EU_MEMBER_STATES, RUSSIAN_SPEAKERS_SEED_004, RUSSIAN_SPEAKERS_SEED_004_SOURCE } from '../countries';
import { SEED } from '../seeds';
import type { RateTable } from '../types';

/**
 * The EU/Benelux AliExpress program of seed 004 (a Dutch network's page). The seed states a cap,
 * new-buyer bonuses, session tracking and what is excluded, but no percentage for regular goods:
 * the table carries only the 0% for virtual goods, and the estimate says rates are not stated.
 * Its "Countries with Russian Speakers" region has no rate attached in the seed either; it is
 * kept because the region is how the seed divides buyers.
 */
const VIRTUAL_QUOTE =
  'all virtual products covered by special category, travel and coupon services or books are NOT subject to commission';

export const EU_BENELUX_TABLE: RateTable = {
  program: 'eu-benelux',
  version: 'seeds-004',
  source: { seed: SEED.euBenelux, quote: 'Het affiliate programma van Ali Express' },
  regions: [
    { id: 'russianSpeakers', kind: 'listed', countries: RUSSIAN_SPEAKERS_SEED_004, source: RUSSIAN_SPEAKERS_SEED_004_SOURCE },
    { id: 'otherCountries', kind: 'rest', source: RUSSIAN_SPEAKERS_SEED_004_SOURCE },
  ],
  rates: [
    { id: 'virtual', productClass: 'virtual', rate: { min: 0, max: 0 }, source: { seed: SEED.euBenelux, quote: VIRTUAL_QUOTE } },
  ],
  cap: { amount: 30.94, currency: 'EUR', source: { seed: SEED.euBenelux, quote: 'The limitation of total commission for each order is € 30.94,-' } },
  cookies: [
    { kind: 'session', source: { seed: SEED.euBenelux, quote: 'Deze campagne werkt op basis van sessietracking. ... The program is based on session tracking.' } },
  ],
  newBuyerBonuses: [
    { countries: ['RU'], amount: 1.23, currency: 'EUR', source: { seed: SEED.euBenelux, quote: 'Russia: € 1.23,-' } },
    {
      countries: ['ES', 'FR', 'NL', 'BE'],
      amount: 2.45,
      currency: 'EUR',
      source: { seed: SEED.euBenelux, quote: 'Spain, France, Netherlands, Belgium: € 2.45,-' },
    },
    {
      countries: ['PL', 'SA', 'AE', 'TR'],
      amount: 1.84,
      currency: 'EUR',
      source: { seed: SEED.euBenelux, quote: 'Poland, Saudi Arabia, United Arab Emirates, Turkey: € 1.84,-' },
    },
  ],
  notCommissionable: [
    { kind: 'virtualGoods', source: { seed: SEED.euBenelux, quote: VIRTUAL_QUOTE } },
    {
      kind: 'serviceFee',
      upToPct: 8,
      countries: EU_MEMBER_STATES,
      source: {
        seed: SEED.euBenelux,
        quote: 'For products purchased by EU buyers on AliExpress.com, an additional service fee of up to 8% of the Product Price is charged by third party service provider which is NOT subject to commission.',
      },
    },
    { kind: 'store', storeKind: 'tmall', source: { seed: SEED.euBenelux, quote: 'Products from tmall.aliexpress.com and plaza.aliexpress.com are not subject to commission.' } },
    { kind: 'store', storeKind: 'plaza', source: { seed: SEED.euBenelux, quote: 'Products from tmall.aliexpress.com and plaza.aliexpress.com are not subject to commission.' } },
    {
      kind: 'sellerOrigin',
      excluded: ['russian'],
      source: {
        seed: SEED.euBenelux,
        quote: 'our Affiliate Program applies ONLY to products of sellers from PRC, excluding and without limitation, products of the sellers from the Russian Federation and/or other countries.',
      },
    },
    { kind: 'paymentCurrency', allowed: ['USD'], source: { seed: SEED.euBenelux, quote: 'Commission is only calculated for transactions paid in US dollars.' } },
  ],
  advice: [],
  saleWindows: [],
  payout: null,
};
