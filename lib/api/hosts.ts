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
