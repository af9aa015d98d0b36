/**
 * The API hosts as optional host permissions, requested from the click that saves the
 * credentials (docs/architecture.md, 'Hard rules' 4). No imports: wxt.config.ts and the options page use it.
 * The AliExpress gateway is `https://api-sg.aliexpress.com/sync` (ALIEXPRESS_SYNC_URL), Admitad's
 * API `https://api.admitad.com` (ADMITAD_API_URL).
 */
export const API_HOST_PERMISSIONS = {
  aliexpress: ['https://api-sg.aliexpress.com/*'],
  admitad: ['https://api.admitad.com/*'],
} as const satisfies Readonly<Record<'aliexpress' | 'admitad', readonly string[]>>;

/**
 * What Firefox's data-collection consent calls the data the API feature sends, requested with the
 * API hosts from the same click (so declared as optional, never required): the product URLs the
 * user looks at go to the AliExpress or Admitad API (`browsingActivity`: the pages a user visits),
 * and Admitad's token request carries the user's client secret (`authenticationInfo`). Categories:
 * https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */
export const API_DATA_COLLECTION = ['browsingActivity', 'authenticationInfo'] as const;
