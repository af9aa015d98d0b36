/**
 * The lazily loaded part of the popup as a model: the estimate, HOT flag and warnings for what the
 * popup shows, then what the network's API says (exact rate, affiliation, the Portals link). It is
 * created after the link is on screen, so the link never waits for the rate tables, the rules or
 * the API. Read-only signals out, actions in; the component only renders them.
 */
import { computed, effect, untracked, type ReadonlySignal } from '@preact/signals';
import type { ProductInsightsReply, ProductInsightsRequest } from '../api/service';
import { computeInsights, createEstimateDataReader, withCategoryPick, withTypedFacts, type Insights, type TypedProductFacts } from '../insights';
import type { CategoryKey } from '../rates/types';
import { estimateDataOf } from '../storage/estimate';
import { storedEntries, storedValueOf } from '../storage/item';
import { categoryPicksItem, productFactsItem } from '../storage/items';
import type { Site } from '../url/types';
import { apiServiceOf, createApiInsights, type ApiInsightsState } from './api-insights';
import type { ApiLinkProblem, PopupModel } from './model';
import type { ShipToAccess, ShipToReader } from './ship-to';

export interface PopupInsightsDeps {
  /** What the popup shows, and where the API's link and the category pick go. */
  readonly popup: Pick<
    PopupModel,
    'parsed' | 'selectedPreset' | 'account' | 'sourceUrl' | 'pastedUrl' | 'tabTitle' | 'requestKey' | 'estimateDataLoaded' | 'storageSnapshot' | 'putRaw' | 'setApiLink' | 'setApiLinkProblem' | 'saveProblem'
  >;
  /** Asks the background (`productInsights`), which holds the credentials and the API clients. */
  ask(request: ProductInsightsRequest): Promise<ProductInsightsReply>;
  readonly shipTo: ShipToReader;
  now(): Date;
}

/** The API's answer (or the wait for it) for what is on screen. */
export type ShownApiState = Exclude<ApiInsightsState, { readonly status: 'idle' }>;

export interface PopupInsightsModel {
  /** Why the popup's last save (the chosen preset, a category pick, a typed fact) failed: shown under the estimate. */
  readonly saveProblem: ReadonlySignal<'quota' | 'other' | null>;
  /** Null until the stored tables and hot list are read, and for anything that is not an AliExpress page. */
  readonly insights: ReadonlySignal<Insights | null>;
  /** Product pages only: they get the category picker. */
  readonly productId: ReadonlySignal<string | null>;
  readonly shipToAccess: ReadonlySignal<ShipToAccess>;
  /** Null when the preset's account has no API, or nothing was asked for what is shown. */
  readonly api: ReadonlySignal<ShownApiState | null>;
  /** The API gave the exact rate, so the estimate under it is labelled as one. */
  readonly exactRateShown: ReadonlySignal<boolean>;
  /** The link comes from the API (Portals): its failure leaves the plain link, which is said. */
  readonly linkFromApi: ReadonlySignal<boolean>;
  /**
   * Reads the ship-to cookie if already allowed, and asks the API once per preset and URL shown,
   * putting its link in place of the local one. Until the returned function is called.
   */
  start(): () => void;
  pickCategory(key: CategoryKey | null): void;
  /**
   * Stores what the user typed about the product on screen (price, store kind, seller's
   * country); a fact given as `undefined` is cleared. The estimate recomputes at once.
   */
  setProductFacts(change: { readonly [K in keyof TypedProductFacts]?: TypedProductFacts[K] | undefined }): void;
  /** Asks for the cookie permission (must run in a click), then reads the ship-to country. */
  readShipTo(): void;
}

function siteOf(popup: PopupInsightsDeps['popup']): Site | null {
  const parsed = popup.parsed.value;
  if (parsed?.kind === 'product') return parsed.product.site;
  return parsed?.kind === 'store' || parsed?.kind === 'page' ? parsed.site : null;
}

/** Why an answer holds no link; the popup model shows it only for a preset whose link comes from the API. */
export function apiLinkProblemOf(reply: ProductInsightsReply): ApiLinkProblem {
  if (reply.source === null) return { kind: reply.reason === 'no-credentials' || reply.reason === 'no-access' ? reply.reason : 'no-link' };
  return { kind: reply.error ? 'api-error' : 'no-link' };
}

export function createPopupInsights(deps: PopupInsightsDeps): PopupInsightsModel {
  const { popup, shipTo } = deps;
  const answers = createApiInsights({ ask: deps.ask });
  // Strings, so the request effect below runs again only when one of them really changes.
  const service = computed(() => apiServiceOf(popup.account.value));
  const presetId = computed(() => popup.selectedPreset.value?.id ?? null);

  const api = computed<ShownApiState | null>(() => {
    const state = answers.state.value;
    return state.status !== 'idle' && state.key === popup.requestKey.value && service.value !== null ? state : null;
  });
  const replyShown = computed(() => {
    const state = api.value;
    return state?.status === 'done' && state.reply.source !== null ? state.reply : null;
  });

  const readData = createEstimateDataReader();
  const insights = computed(() => {
    const parsed = popup.parsed.value;
    const preset = popup.selectedPreset.value;
    if (!parsed || !preset || (parsed.kind !== 'product' && parsed.kind !== 'store' && parsed.kind !== 'page')) return null;
    // Without the stored tables and hot list yet, an estimate from the embedded tables could show
    // for an instant and then change: wait (they are usually read before this chunk has loaded).
    if (!popup.estimateDataLoaded.value) return null;
    const reply = replyShown.value;
    const apiFacts = reply
      ? {
          ...(reply.affiliate === undefined ? {} : { affiliate: reply.affiliate }),
          ...(reply.rate ? { hot: reply.rate.isHot, hotRate: reply.rate.hotCommissionRate } : {}),
          ...(reply.category ? { category: reply.category } : {}),
          ...(reply.title ? { title: reply.title } : {}),
          ...(reply.price ? { price: reply.price } : {}),
        }
      : undefined;
    const data = readData(estimateDataOf(popup.storageSnapshot.value));
    const network = popup.account.value?.network ?? null;
    // The title describes the tab's own URL, not a pasted one.
    const tabTitle = popup.pastedUrl.value.trim() ? null : (popup.tabTitle.value ?? null);
    const sourceUrl = popup.sourceUrl.value;
    return computeInsights({ parsed, preset, network, data, tabTitle, sourceUrl, shipToCookie: shipTo.cookieValue.value, now: deps.now(), ...(apiFacts ? { api: apiFacts } : {}) });
  });

  const productId = computed(() => {
    const parsed = popup.parsed.value;
    return parsed?.kind === 'product' ? parsed.product.id : null;
  });

  return {
    saveProblem: popup.saveProblem,
    insights,
    productId,
    shipToAccess: shipTo.access,
    api,
    exactRateShown: computed(() => replyShown.value?.rate !== undefined),
    linkFromApi: computed(() => popup.account.value?.network === 'portals'),

    start() {
      const site = siteOf(popup);
      if (site) void shipTo.check(site);
      return effect(() => {
        const key = popup.requestKey.value;
        const url = popup.sourceUrl.value;
        const asked = service.value;
        const id = presetId.value;
        if (!asked || !url) return;
        untracked(() => {
          void answers.load(key, { url, presetId: id }, asked).then((reply) => {
            if (!reply) return;
            if (reply.source && reply.link) popup.setApiLink(key, reply.link.url, reply.link.kind === 'hot');
            else popup.setApiLinkProblem(key, apiLinkProblemOf(reply));
          });
        });
      });
    },

    pickCategory(key) {
      const id = productId.value;
      if (!id) return;
      const picks = withCategoryPick(storedValueOf(categoryPicksItem, popup.storageSnapshot.value), id, key);
      // With its version, when the item has one, so the snapshot reads it back as current.
      for (const [storageKey, value] of Object.entries(storedEntries(categoryPicksItem, picks))) void popup.putRaw(storageKey, value);
    },

    setProductFacts(change) {
      const id = productId.value;
      if (!id) return;
      const facts = withTypedFacts(storedValueOf(productFactsItem, popup.storageSnapshot.value), id, change);
      for (const [storageKey, value] of Object.entries(storedEntries(productFactsItem, facts))) void popup.putRaw(storageKey, value);
    },

    readShipTo() {
      const site = siteOf(popup);
      if (site) void shipTo.request(site);
    },
  };
}
