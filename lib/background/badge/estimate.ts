/**
 * What the opt-in badge shows for a product: the popup's own estimate (lib/insights, the same
 * tables, hot list and category picks, from storage only), reduced to what fits on
 * the icon. HOT when the product is in the user's hot list, else the best-guess rate for the
 * default preset's program and audience; nothing when there is no best guess (the category is
 * unknown and the program has no single rate): an invented number would be worse than none.
 * The ship-to country comes from the site only: the badge never reads cookies.
 */
import { computeInsights, createEstimateDataReader } from '../../insights';
import { CATEGORY_PICKS_KEY, HOT_LIST_KEY, RATE_CACHE_KEY } from '../../storage/keys';
import type { Preset } from '../../presets/types';
import type { ProductRef } from '../../url/types';
import type { BadgeEstimator } from './product';

/** As the popup: without a preset, a program-less estimate (HOT can still show). */
const NO_PRESET: Preset = { id: '', name: '', accountId: null, program: 'other', audienceCountry: null, subIds: {}, keepSku: false };

export interface BadgeEstimatorDeps {
  /** The stored items the estimate reads (rate cache, hot list, category picks). */
  loadStored(): Promise<Readonly<Record<string, unknown>>>;
  now(): Date;
}

export function createBadgeEstimator(deps: BadgeEstimatorDeps): BadgeEstimator {
  const readData = createEstimateDataReader();
  return async (product: ProductRef, preset: Preset | null) => {
    const stored = await deps.loadStored();
    const data = readData({ rateCache: stored[RATE_CACHE_KEY], hotList: stored[HOT_LIST_KEY], categoryPicks: stored[CATEGORY_PICKS_KEY] });
    const insights = computeInsights({ parsed: { kind: 'product', product }, preset: preset ?? NO_PRESET, data, shipToCookie: null, now: deps.now() });
    const best = insights.estimate.best;
    if (insights.hot.hot) return best === null ? { kind: 'hot' } : { kind: 'hot', percent: best };
    return best === null ? null : { kind: 'rate', percent: best };
  };
}
