/**
 * What the opt-in badge shows for a product: the popup's own estimate (lib/insights, the same
 * tables, hot list, category picks and typed product facts, from storage only), reduced to what fits on
 * the icon. HOT when the product is in the user's hot list, else the best-guess rate for the
 * default preset's program and audience; nothing when there is no best guess (the category is
 * unknown and the program has no single rate): an invented number would be worse than none.
 * The ship-to country comes from the site only: the badge never reads cookies.
 */
import { hotStatus } from '../../hotlist';
import { assessParsed, computeInsights, createEstimateDataReader, pickedCategory, storeKindFromUrl, storeKindWithTyped, typedFactsOf, type LinkAssessment, type RawEstimateData } from '../../insights';
import type { Account, AccountNetwork } from '../../networks/types';
import type { Preset } from '../../presets/types';
import { parseProductUrl } from '../../url';
import type { ProductRef } from '../../url/types';
import type { BadgeEstimator } from './product';

/** As the popup: without a preset, a program-less estimate (HOT can still show). */
const NO_PRESET: Preset = { id: '', name: '', accountId: null, program: 'other', audienceCountry: null, subIds: {}, keepSku: false };

export interface BadgeEstimatorDeps {
  /** The stored items the estimate reads (rate cache, hot list, category picks; lib/storage `readEstimateData`). */
  loadStored(): Promise<RawEstimateData>;
  now(): Date;
}

export function createBadgeEstimator(deps: BadgeEstimatorDeps): BadgeEstimator {
  const readData = createEstimateDataReader();
  return async (product: ProductRef, preset: Preset | null, network: AccountNetwork | null = null, tabTitle: string | null = null, sourceUrl: string | null = null) => {
    const data = readData(await deps.loadStored());
    const insights = computeInsights({ parsed: { kind: 'product', product }, preset: preset ?? NO_PRESET, network, data, tabTitle, sourceUrl, shipToCookie: null, now: deps.now() });
    const best = insights.estimate.best;
    if (insights.hot.hot) return best === null ? { kind: 'hot' } : { kind: 'hot', percent: best };
    return best === null ? null : { kind: 'rate', percent: best };
  };
}

/**
 * The copied link's assessment for the context menu and the shortcut (lib/background/copy): the
 * same stored tables, hot list, category pick and typed product facts as the popup, so a link the popup would say
 * earns nothing is flagged on the icon too.
 */
export function createStoredLinkAssessor(deps: BadgeEstimatorDeps) {
  const readData = createEstimateDataReader();
  return async (sourceUrl: string, preset: Preset | null, account: Account | undefined): Promise<LinkAssessment | null> => {
    if (!preset) return null;
    const data = readData(await deps.loadStored());
    const parsed = parseProductUrl(sourceUrl);
    const productId = parsed.kind === 'product' ? parsed.product.id : null;
    const hot = productId ? hotStatus(productId, data.hotList) : { hot: false as const };
    const typed = productId ? typedFactsOf(data.productFacts, productId) : {};
    const product = {
      categoryKey: productId ? pickedCategory(data.categoryPicks, productId) : null,
      hot: hot.hot,
      hotRate: hot.hot ? hot.ratePct : null,
      // As in the popup: what the user typed, over the one store fact a link carries (lib/insights/store-kind.ts).
      price: typed.price ?? null,
      storeKind: storeKindWithTyped(typed.storeKind, storeKindFromUrl(sourceUrl)),
      sellerCountry: typed.sellerCountry ?? null,
    };
    const input = { program: preset.program, network: account?.network ?? null, audienceCountry: preset.audienceCountry, product, now: deps.now() };
    return assessParsed(parsed, input, data.tables);
  };
}
