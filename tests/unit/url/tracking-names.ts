/**
 * Test data: tracking and foreign-affiliate parameters found on real AliExpress URLs. The cleaner
 * keeps an allow-list (KEPT_PAGE_PARAMS in lib/url/params.ts) and drops everything else, so these
 * names are what the tests prove goes, not something the cleaner reads.
 * Sources: seed 003 (`af`, `cn`, `cv`, `dp`); ClearURLs/Rules#17, #120, #163, #317; ClearURLs/Addon#497;
 * AdguardTeam/AdguardForWindows#3240; Smile4ever/Neat-URL#170; brave/adblock-lists#1314;
 * leon-cleaning-services/leon#91; lyubomyr-shaydariv/uu-webext src/modules/aliexpress.js; app share links
 * and `link-c-tool` landings quoted in public READMEs.
 */
export const TRACKING_NAMES: readonly string[] = [
  // Portals custom tracking strings (seed 003) and affiliate landing markers
  'af', 'cn', 'cv', 'dp', 'sk', 'tt', 'terminal_id', 'afSmartRedirect', 'mall_affr', 'mfadid', 'cpt',
  'aff_short_key',
  // Alibaba analytics
  'spm', 'scm', 'scm_id', 'scm-url', 'scm_url', 'pvid', 'gps-id', 'gps_id', '_t', 'btsid', 'ws_ab_test',
  'expid', 'initiative_id', 'curPageLogUid', 'utparam', 'utparam-url', 'search_p4p_id', 'aem_p4p_detail',
  'traffic_analysisId', 'tpp', 'trace', 'tracelog', 'ck', 'UTABTest', 'sourceType', 'trafficChannel', 'ltype',
  // Region redirects and geo hints
  'gatewayAdapt', '_randl_shipto', '_randl_currency',
  // App share links
  'srcSns', 'spreadType', 'bizType', 'businessType', 'social_params', 'shareId', 'platform', 'invitationCode',
  'spreadCode',
  // Google Shopping / ads landings
  'src', 'albch', 'acnt', 'albbt', 'albagn', 'albcp', 'albag', 'albad', 'albpg', 'albpd', 'trgt', 'crea', 'netw',
  'device', 'slnk', 'plac', 'mtctp', 'isSmbAutoCall', 'needSmbHouyi', 'isdl', 'gclid', 'gclsrc', 'gad_source',
  'gad_campaignid', 'gbraid', 'wbraid', 'fbclid', 'yclid',
  // E-mail campaigns
  'edm_click_module', 'ug_edm_item_id', 'rowan_id1', 'rowan_msg_id',
];
export const TRACKING_NAME_PREFIXES: readonly string[] = ['aff_', 'algo_', 'utm_', 'pdp_', 'ds_e_', 'ds_url', 'onelink_'];
const TRACKING_LOWER: ReadonlySet<string> = new Set(TRACKING_NAMES.map((name) => name.toLowerCase()));

/** True for a name on the lists above (case-insensitive), or starting with one of the prefixes. */
export function isTrackingName(key: string): boolean {
  const lower = key.toLowerCase();
  return TRACKING_LOWER.has(lower) || TRACKING_NAME_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
