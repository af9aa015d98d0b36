import { SEED } from '../seeds';
import type { RateTable } from '../types';

/**
 * AliExpress Portals, as its FAQ (seed 003) states it: one program-wide minimum rate, no upper
 * bound, no cap, session tracking. Nothing else about rates is in the seed, so nothing else is
 * here; the estimate says the maximum is not stated.
 */
export const PORTALS_TABLE: RateTable = {
  program: 'portals',
  version: 'seeds-faq',
  source: { seed: SEED.portals, quote: 'What is the Portals Affiliate Program?' },
  regions: [{ id: 'everywhere', kind: 'rest', source: { seed: SEED.portals, quote: 'If visitors of your site click through to AliExpress and make a purchase, you will receive a commission for this.' } }],
  rates: [
    {
      id: 'all.minimum',
      productClass: 'all',
      rate: { min: 8, max: null },
      source: { seed: SEED.portals, quote: 'The Portals Affiliate Program offers minimum 8% commission.' },
    },
  ],
  cap: null,
  cookies: [
    {
      kind: 'session',
      source: { seed: SEED.portals, quote: 'AliExpress uses session based tracking after a visitor was directed to AliExpress through your affiliate link.' },
    },
  ],
  newBuyerBonuses: [],
  notCommissionable: [],
  advice: [],
  saleWindows: [],
  payout: null,
};
