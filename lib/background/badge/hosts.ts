/**
 * The host access the opt-in badge asks for, and nothing wider: with it the browser shows the
 * background the URL of AliExpress tabs (tabs.onUpdated), which is all the badge reads. Pages
 * are never read or touched (docs/architecture.md, 'Hard rules' 1). Declared optional in wxt.config.ts and
 * requested from the options page (docs/architecture.md, 'Hard rules' 4). AliExpress serves https only.
 */
export const BADGE_HOST_PERMISSIONS = ['https://*.aliexpress.com/*', 'https://*.aliexpress.ru/*', 'https://*.aliexpress.us/*'];
