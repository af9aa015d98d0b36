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
import { guessCategory, productTitleFromTab } from './category-guess';
import { pickedCategory } from './category-picks';
import { storeKindWithTyped, typedFactsOf, type TypedProductFacts } from './product-facts';
import { storeKindFromUrl } from './store-kind';
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
  /** The active tab's title, when the link is for the tab's own URL; the site suffix is trimmed here. */
  readonly tabTitle?: string | null;
  /** The URL the link is for, as given: its host can name the store (./store-kind.ts). */
  readonly sourceUrl?: string | null;
}

/** The API's facts the estimate and the rules use. */
export interface ApiProductFacts {
  readonly affiliate?: boolean;
  readonly hot?: boolean;
  readonly hotRate?: number | null;
  /** The API's category path ("Phones & Telecommunications › Mobile Phones"). */
  readonly category?: string;
  readonly title?: string;
  /** Goods price for the audience, as the API gives it. */
  readonly price?: { readonly amount: number; readonly currency: string };
}

/** Where the category the estimate used comes from: the user's pick, the API, or a guess from the title. */
export type CategorySource = 'pick' | 'api' | 'title';

export interface Insights {
  readonly estimate: Estimate;
  readonly warnings: readonly Warning[];
  readonly hot: HotStatus;
  readonly shipTo: { readonly country: string; readonly from: 'cookie' | 'site' } | null;
  /** The category the estimate used, and where it comes from; null when none is known. */
  readonly categoryKey: CategoryKey | null;
  readonly categorySource: CategorySource | null;
  /** The product's title (the API's, else the tab's without the site suffix), or null. */
  readonly title: string | null;
  /** What the user typed for this product (./product-facts.ts): it wins over the URL and the API. */
  readonly typed: TypedProductFacts;
  /** The API's price, shown as the default when none is typed. */
  readonly apiPrice: { readonly amount: number; readonly currency: string } | null;
}

/**
 * The user's pick corrects anything; the API's category path wins over a guess from the title.
 * Both paths and titles go through the same keyword guesser (./category-guess.ts).
 */
function categoryOf(pick: CategoryKey | null, apiCategory: string | undefined, title: string | null): { key: CategoryKey | null; source: CategorySource | null } {
  if (pick) return { key: pick, source: 'pick' };
  const fromApi = guessCategory(apiCategory);
  if (fromApi) return { key: fromApi, source: 'api' };
  const fromTitle = guessCategory(title);
  return fromTitle ? { key: fromTitle, source: 'title' } : { key: null, source: null };
}

export function computeInsights({ parsed, preset, network = null, data, shipToCookie, now, api, tabTitle = null, sourceUrl = null }: InsightsInput): Insights {
  const productId = parsed.kind === 'product' ? parsed.product.id : null;
  const hot = productId ? hotStatus(productId, data.hotList) : { hot: false as const };
  const site = parsed.kind === 'product' ? parsed.product.site : parsed.kind === 'store' || parsed.kind === 'page' ? parsed.site : null;
  const shipTo = resolveShipTo({ cookieValue: shipToCookie, site });
  const title = productId ? (productTitleFromTab(api?.title) ?? productTitleFromTab(tabTitle)) : null;
  const category = productId ? categoryOf(pickedCategory(data.categoryPicks, productId), api?.category, title) : { key: null, source: null };
  const typed = productId ? typedFactsOf(data.productFacts, productId) : {};
  // The API knows better than the user's hot list: its answer wins where it gave one.
  const apiHot = api?.hot === true;
  const product = {
    title,
    categoryKey: category.key,
    hot: hot.hot || apiHot,
    hotRate: apiHot ? (api?.hotRate ?? null) : hot.hot ? hot.ratePct : null,
    affiliate: api?.affiliate ?? null,
    // What the user typed wins: it is read off the page the buyer will see. Else the API's price,
    // and the store the URL's host names (only Tmall and Plaza can be told that way, ./store-kind.ts).
    price: typed.price ?? api?.price ?? null,
    storeKind: storeKindWithTyped(typed.storeKind, storeKindFromUrl(sourceUrl)),
    sellerCountry: typed.sellerCountry ?? null,
  };
  const { estimate, warnings } = assessParsed(
    parsed,
    { program: preset.program, network, audienceCountry: preset.audienceCountry, product, now },
    data.tables,
  );
  return { estimate, warnings, hot, shipTo, categoryKey: category.key, categorySource: category.source, title, typed, apiPrice: api?.price ?? null };
}
