/**
 * What the popup shows under the link (and the badge reduces to a few characters): the
 * assessment of the link (./assess.ts), the HOT flag, the ship-to country and the category in
 * use, from local data only, so it appears at once and works offline. Loaded lazily by the
 * popup, after the link is on screen; no zod in here.
 */
import { hotStatus, type HotStatus } from '../hotlist';
import type { AccountNetwork } from '../networks/types';
import type { Preset } from '../presets/types';
import type { CategoryKey, Estimate } from '../rates';
import { resolveShipTo, type Warning } from '../rules';
import type { ParsedUrl } from '../url/types';
import { assessParsed } from './assess';
import { pickedCategory } from './category-picks';
import type { EstimateData } from './estimate-data';

export interface InsightsInput {
  readonly parsed: ParsedUrl;
  readonly preset: Preset;
  /** The network of the preset's account, or null for the plain link. */
  readonly network?: AccountNetwork | null;
  /** The parsed stored values (./estimate-data.ts). */
  readonly data: EstimateData;
  /** The raw `aep_usuc_f` cookie, when the user allowed reading it. */
  readonly shipToCookie: string | null;
  readonly now: Date;
  /** What a network API said about the product, once it has answered. */
  readonly api?: ApiProductFacts;
}

/** The API's facts the estimate and the rules use: affiliation, hotness and the hot rate. */
export interface ApiProductFacts {
  readonly affiliate?: boolean;
  readonly hot?: boolean;
  readonly hotRate?: number | null;
}

export interface Insights {
  readonly estimate: Estimate;
  readonly warnings: readonly Warning[];
  readonly hot: HotStatus;
  readonly shipTo: { readonly country: string; readonly from: 'cookie' | 'site' } | null;
  /** The category the estimate used: the user's pick for this product, or null. */
  readonly categoryKey: CategoryKey | null;
}

export function computeInsights({ parsed, preset, network = null, data, shipToCookie, now, api }: InsightsInput): Insights {
  const productId = parsed.kind === 'product' ? parsed.product.id : null;
  const hot = productId ? hotStatus(productId, data.hotList) : { hot: false as const };
  const site = parsed.kind === 'product' ? parsed.product.site : parsed.kind === 'store' || parsed.kind === 'page' ? parsed.site : null;
  const shipTo = resolveShipTo({ cookieValue: shipToCookie, site });
  const categoryKey = productId ? pickedCategory(data.categoryPicks, productId) : null;
  // The API knows better than the user's hot list: its answer wins where it gave one.
  const apiHot = api?.hot === true;
  const product = {
    categoryKey,
    hot: hot.hot || apiHot,
    hotRate: apiHot ? (api?.hotRate ?? null) : hot.hot ? hot.ratePct : null,
    affiliate: api?.affiliate ?? null,
    price: null,
    storeKind: null,
    sellerCountry: null,
  };
  const { estimate, warnings } = assessParsed(
    parsed,
    { program: preset.program, network, audienceCountry: preset.audienceCountry, product, now },
    data.tables,
  );
  return { estimate, warnings, hot, shipTo, categoryKey };
}
