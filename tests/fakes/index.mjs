// Local fake servers for the AliExpress Open Platform and Admitad APIs, shared by the unit
// tests (real HTTP on loopback), the Playwright e2e suite (Chromium maps the API hosts here
// with --host-resolver-rules) and `node tests/fakes/start.mjs`.
export { startFakeAliExpressApi, ALIEXPRESS_MODES, expectedSign, signingString, parseGatewayTimestamp, promotionLink, isFakeAffiliateProduct } from './aliexpress-api.mjs';
export { startFakeAdmitadApi, ADMITAD_MODES, ADMITAD_KNOWN_SCOPES } from './admitad-api.mjs';
export { FAKE_PRODUCTS, FAKE_ALIEXPRESS_CREDENTIALS, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, FAKE_ADMITAD_CAMPAIGN_ID, productIdOf } from './catalog.mjs';

/** The real API hosts, for Chromium's --host-resolver-rules (list them before any `*.aliexpress.com` rule). */
export const FAKE_API_HOSTS = Object.freeze({ aliexpress: 'api-sg.aliexpress.com', admitad: 'api.admitad.com' });
