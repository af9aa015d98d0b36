// Storage contents shared by the e2e suite, `npm start` and `npm run bench`: one Admitad
// account and one preset, in the shape lib/storage/items.ts defines for chrome.storage.local (version 1 of each item).

/** A product id in the real 16-digit form (docs/architecture.md, 'Domain facts'). */
export const SAMPLE_PRODUCT_ID = '1005006789012345';
export const sampleProductUrl = (id = SAMPLE_PRODUCT_ID) => `https://www.aliexpress.com/item/${id}.html`;

// lib/networks/admitad.ts accepts only 30 lower-case letters and digits (the real code shape).
export const DEMO_ACCOUNT = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
export const DEMO_PRESET = {
  id: 'p1',
  name: 'Blog',
  accountId: 'acc1',
  program: 'ww',
  audienceCountry: 'DE',
  subIds: { subid: 'blog', subid1: 'post42' },
  keepSku: false,
};

/** chrome.storage.local items: the keys of `local:accounts`, `local:presets`, `local:settings`. */
export const DEMO_STORAGE = {
  accounts: [DEMO_ACCOUNT],
  presets: [DEMO_PRESET],
  settings: { defaultPresetId: 'p1', lastUsedPresetId: null },
};

/** The Admitad deeplink the demo preset must produce for a clean product URL. */
export const expectedAdmitadLink = (cleanUrl) =>
  `https://ad.admitad.com/g/${DEMO_ACCOUNT.code}/?ulp=${encodeURIComponent(cleanUrl)}&subid=blog&subid1=post42`;
