/**
 * The opt-in product badge: on an AliExpress product tab, the estimated rate or HOT.
 *
 * It reads tab URLs only, which the browser reveals for AliExpress tabs once the user grants
 * the optional host access (BADGE_HOST_PERMISSIONS); it injects nothing. Off (the default),
 * or without that access, every entry point here does nothing but clear.
 */
import { defaultPresetOf } from '../../presets/default';
import type { AccountNetwork } from '../../networks/types';
import type { Preset } from '../../presets/types';
import { ESTIMATE_STORAGE_KEYS } from '../../storage/keys';
import type { StoredState } from '../../storage/state';
import { parseProductUrl } from '../../url';
import type { ProductRef } from '../../url/types';
import { applyView, type ActionApi } from './action';
import { IDLE_VIEW, productView, type BadgeEstimate, type BadgeText, type BadgeView } from './view';

/** The product's estimate for the default preset; lib/background/badge/estimate.ts. */
export type BadgeEstimator = (product: ProductRef, preset: Preset | null, network?: AccountNetwork | null, title?: string | null, sourceUrl?: string | null) => Promise<BadgeEstimate | null>;

export interface TabInfo {
  readonly id?: number;
  readonly url?: string;
  /** The page title, visible with the same host access as the URL: the category is guessed from it. */
  readonly title?: string;
}

export interface ProductBadgeDeps {
  readonly action: ActionApi;
  readonly tabs: { query(filter: Record<string, never>): Promise<readonly TabInfo[]>; get(tabId: number): Promise<TabInfo> };
  loadState(): Promise<StoredState>;
  readonly estimate: BadgeEstimator;
  readonly text: BadgeText;
  /**
   * What a tab shows when it has nothing of its own (no product, opted out, a flash over): the
   * weekly re-check's dead-link count when there is one (lib/background/badge/dead-links.ts), else
   * nothing. A tab's own text hides the global one in Chrome and Firefox, so an idle tab gets the
   * global view itself rather than an empty text. Default: nothing.
   */
  ground?(): Promise<BadgeView>;
}

export interface ProductBadge {
  /** tabs.onUpdated: a tab's URL changed or it finished loading. */
  onTabUpdated(tabId: number, change: { readonly url?: string; readonly status?: string }, tab: TabInfo): Promise<void>;
  /** storage.onChanged (local): the opt-in, the default preset, or what estimates read changed. */
  onStorageChanged(changes: Readonly<Record<string, { oldValue?: unknown; newValue?: unknown }>>, area: string): Promise<void>;
  /** permissions.onAdded / onRemoved. */
  onPermissionsChanged(): Promise<void>;
  /** What the tab shows when no copy confirmation is flashing. */
  restoreTab(tabId: number | undefined): Promise<void>;
  refreshAll(): Promise<void>;
  clearAll(): Promise<void>;
}

const optInOf = (settings: unknown): boolean => typeof settings === 'object' && settings !== null && (settings as { badgeOptIn?: unknown }).badgeOptIn === true;
const defaultPresetIdOf = (settings: unknown): unknown => (typeof settings === 'object' && settings !== null ? (settings as { defaultPresetId?: unknown }).defaultPresetId : undefined);

export function createProductBadge(deps: ProductBadgeDeps): ProductBadge {
  const ground = async (): Promise<BadgeView> => (deps.ground ? deps.ground().catch(() => IDLE_VIEW) : IDLE_VIEW);
  /** null: opted out, so leave the badge alone. */
  const viewFor = async (url: string | undefined, state: StoredState, title?: string): Promise<BadgeView | null> => {
    if (!state.settings.badgeOptIn) return null;
    const parsed = url === undefined ? null : parseProductUrl(url);
    if (parsed?.kind !== 'product') return ground();
    let estimate: BadgeEstimate | null = null;
    try {
      const preset = defaultPresetOf(state.presets, state.settings);
      // WW's terms differ by network (ePN or Admitad): the badge follows the preset's account, as the popup does.
      const network = state.accounts.find((a) => a.id === preset?.accountId)?.network ?? null;
      estimate = await deps.estimate(parsed.product, preset, network, title ?? null, url ?? null);
    } catch {
      // An estimator bug must not break the badge: show the product without a number.
    }
    return productView(parsed.product.id, estimate, deps.text);
  };

  const show = async (tabId: number, url: string | undefined, state: StoredState, title?: string): Promise<void> => {
    const view = await viewFor(url, state, title);
    if (view) await applyView(deps.action, tabId, view);
  };

  const everyTab = async (task: (tab: TabInfo & { id: number }) => Promise<void>): Promise<void> => {
    const tabs = await deps.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : task({ ...tab, id: tab.id }).catch(() => undefined))));
  };

  const refreshAll = async (): Promise<void> => {
    const state = await deps.loadState();
    if (!state.settings.badgeOptIn) return;
    // Tabs whose URL we may not see (not AliExpress) show nothing anyway.
    await everyTab((tab) => (tab.url === undefined ? Promise.resolve() : show(tab.id, tab.url, state, tab.title)));
  };

  const clearAll = async (): Promise<void> => {
    const view = await ground();
    await everyTab((tab) => applyView(deps.action, tab.id, view));
  };

  return {
    refreshAll,
    clearAll,

    async onTabUpdated(tabId, change, tab) {
      // No URL: not an AliExpress tab, or no host access. Either way nothing to read, and the
      // browser has already reset the tab's badge if it navigated.
      if (tab.url === undefined || (change.url === undefined && change.status !== 'complete')) return;
      await show(tabId, tab.url, await deps.loadState(), tab.title);
    },

    async onStorageChanged(changes, area) {
      if (area !== 'local') return;
      const settings = changes.settings;
      const wasOn = settings ? optInOf(settings.oldValue) : undefined;
      const isOn = settings ? optInOf(settings.newValue) : undefined;
      if (wasOn === true && isOn === false) return clearAll();
      const defaultChanged = settings !== undefined && (isOn !== wasOn || defaultPresetIdOf(settings.oldValue) !== defaultPresetIdOf(settings.newValue));
      const estimateChanged = ESTIMATE_STORAGE_KEYS.some((key) => key in changes);
      if (defaultChanged || estimateChanged || changes.presets !== undefined) await refreshAll();
    },

    async onPermissionsChanged() {
      // Granted: the URLs are visible now. Revoked: they are not, so clear what was shown.
      const state = await deps.loadState();
      if (!state.settings.badgeOptIn) return;
      await clearAll();
      await refreshAll();
    },

    async restoreTab(tabId) {
      if (tabId === undefined) return applyView(deps.action, undefined, await ground());
      const state = await deps.loadState();
      const tab = state.settings.badgeOptIn ? await deps.tabs.get(tabId).catch(() => undefined) : undefined;
      await applyView(deps.action, tabId, (await viewFor(tab?.url, state, tab?.title)) ?? (await ground()));
    },
  };
}
