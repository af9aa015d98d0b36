// The products both fake APIs know, and the credentials they accept by default. The first id
// is the e2e sample product (scripts/e2e-support/demo-data.mjs, SAMPLE_PRODUCT_ID).

/** Test-only credentials: never real ones. Long enough to be redacted, distinctive enough to grep for. */
export const FAKE_ALIEXPRESS_CREDENTIALS = Object.freeze({ appKey: '500123', appSecret: 'fake-ae-secret-7f3a9c2e51d84b06' });
export const FAKE_ADMITAD_CREDENTIALS = Object.freeze({ clientId: 'fakeclientid0123456789abcdef01', clientSecret: 'fake-admitad-secret-4c81e2b7d93a' });
export const FAKE_ADMITAD_WEBSITE_ID = '1234567';
export const FAKE_ADMITAD_CAMPAIGN_ID = '6115';

/**
 * Rates are written as the AliExpress API writes them ("7.0%"); `affiliate: false` products are
 * absent from productdetail answers and flagged non-affiliate by Admitad.
 */
export const FAKE_PRODUCTS = Object.freeze({
  '1005006789012345': {
    title: 'Sample product 1005006789012345: USB-C cable, 2 m',
    affiliate: true,
    commissionRate: '7.0%',
    hotCommissionRate: '9.0%',
    firstLevelCategory: { id: '44', name: 'Consumer Electronics' },
    secondLevelCategory: { id: '200216607', name: 'Cables' },
    salePrice: '3.99',
    currency: 'USD',
  },
  '1005001234567890': {
    title: 'Ordinary product: phone case',
    affiliate: true,
    commissionRate: '5.0%',
    hotCommissionRate: '0%',
    firstLevelCategory: { id: '509', name: 'Phones & Telecommunications' },
    secondLevelCategory: { id: '100001205', name: 'Phone Bags & Cases' },
    salePrice: '1.50',
    currency: 'USD',
  },
  '1005009999999999': {
    title: 'Non-affiliate product',
    affiliate: false,
    commissionRate: '0%',
    hotCommissionRate: '0%',
    firstLevelCategory: { id: '3', name: 'Apparel & Accessories' },
    salePrice: '12.00',
    currency: 'USD',
  },
});

/** Fixed conversion for target_currency answers; other currencies are answered in USD. */
const USD_TO = { USD: 1, EUR: 0.92, GBP: 0.79, RUB: 92, BRL: 5.1, PLN: 4, TRY: 32 };

export function convertPrice(usd, currency) {
  const rate = USD_TO[currency];
  return rate === undefined ? { amount: usd, currency: 'USD' } : { amount: (Number(usd) * rate).toFixed(2), currency };
}

/** The product id in an AliExpress product URL, or undefined. */
export function productIdOf(text) {
  try {
    const url = new URL(text);
    if (!/(?:^|\.)aliexpress\.(?:com|ru|us)$/i.test(url.hostname)) return undefined;
    return /\/(?:item|i)\/(?:[^/]+\/)?(\d+)(?:\.html)?$/.exec(url.pathname)?.[1];
  } catch {
    return undefined;
  }
}
