/**
 * The popup's state as one small signals model: read-only signals out, actions in.
 * Everything the popup shows is derived from three inputs: the tab URL (or a pasted one), the
 * stored presets/accounts, and the chosen preset. The link is built locally, without waking the
 * background or touching the network (docs/architecture.md, 'Tab URL to link on screen').
 */
// signals-core, not @preact/signals: the popup's first screen is plain DOM and must not pull in
// Preact (docs/architecture.md, 'Budgets'); the Preact part that loads after it shares these signals.
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import { buildDeeplink, resolveTarget } from '../networks';
import type { Account, DeeplinkResult } from '../networks/types';
import { defaultPresetOf, initialPresetOf } from '../presets/default';
import type { LinkChange } from '../url/neutral';
import type { Preset } from '../presets/types';
import type { Settings } from '../storage/settings';
import type { SaveResult } from '../storage/local';
import { parseState, type StoredState } from '../storage/state';
import { parseProductUrl } from '../url';
import type { ParsedUrl } from '../url/types';
import type { MessageData } from '../messaging/protocol';

export interface PopupDeps {
  /** The active tab's URL and title; both undefined when the browser does not tell us (no activeTab grant). */
  getActiveTab(): Promise<ActiveTab | undefined>;
  /** What `storage.local.get(STATE_STORAGE_KEYS)` returned; parsed and validated here. */
  loadStorage(): Promise<Record<string, unknown>>;
  /** What `storage.local.get(ESTIMATE_STORAGE_KEYS)` returned (rate cache, hot list, category picks). */
  loadEstimateData(): Promise<Record<string, unknown>>;
  saveSettings(settings: Settings): Promise<SaveResult>;
  /** Writes one raw storage value the popup owns (the category picks). */
  saveRaw(key: string, value: unknown): Promise<SaveResult>;
  writeClipboard(text: string): Promise<void>;
  notifyCopied(data: MessageData<'linkCopied'>): Promise<unknown>;
}

export interface ActiveTab {
  readonly url?: string;
  readonly title?: string;
}

/**
 * Why a Portals preset shows no link: its links come only from the AliExpress API (seed 003's
 * promotion links), and an untracked URL copied in its place would earn nothing. Every surface
 * refuses the copy in that case (docs/architecture.md, 'Tab URL to link on screen').
 */
export interface ApiLinkProblem {
  /** `api-error`: the API failed (the estimate's part below says how). */
  readonly kind: 'no-credentials' | 'no-access' | 'no-link' | 'api-error';
}

/** The last copy: `as: 'post'` when the ready-to-post text around the link was copied. */
export type CopyState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'copied'; readonly as?: 'post' }
  | { readonly kind: 'failed'; readonly message: string; readonly as?: 'post' };

/** A copy of something other than the link alone: the preset's post text around it. */
export interface CopyAs {
  readonly as: 'post';
  /** Renders the text for the link on screen (lib/i18n/post.ts); null when it cannot. */
  readonly text: (link: string) => string | null;
}

/**
 * The link on screen: built here (`local`), the clean URL (`clean`: no preset account), or the
 * API's promotion link (`api`, `hot` for a hot link; Portals presets have no other). Copying
 * copies exactly this.
 */
export interface ShownLink {
  readonly url: string;
  readonly from: 'local' | 'clean' | 'api';
  readonly hot?: boolean;
}

/** Used when no preset exists: the plain clean link, so a new user still gets something useful. */
const PLAIN_PRESET: Preset = {
  id: '',
  name: '',
  accountId: null,
  program: 'other',
  audienceCountry: null,
  subIds: {},
  keepSku: false,
};

export interface PopupModel {
  readonly loaded: ReadonlySignal<boolean>;
  readonly sourceUrl: ReadonlySignal<string | undefined>;
  readonly pastedUrl: ReadonlySignal<string>;
  readonly parsed: ReadonlySignal<ParsedUrl | null>;
  readonly presets: ReadonlySignal<readonly Preset[]>;
  readonly selectedPreset: ReadonlySignal<Preset | null>;
  /** The preset a copy from the menu or shortcut uses (lib/presets/default.ts), marked in the picker. */
  readonly defaultPresetId: ReadonlySignal<string | null>;
  /** The active tab's title as the browser gave it (undefined for a pasted URL or without activeTab). */
  readonly tabTitle: ReadonlySignal<string | undefined>;
  readonly link: ReadonlySignal<DeeplinkResult | null>;
  readonly shownLink: ReadonlySignal<ShownLink | null>;
  /** A Portals preset on an AliExpress page: true while its link is asked from the API. */
  readonly apiLinkPending: ReadonlySignal<boolean>;
  /** Why the API gave this Portals preset no link (then nothing is copied). */
  readonly apiLinkProblem: ReadonlySignal<ApiLinkProblem | null>;
  /** The selected preset's account (the lazily loaded part asks its network's API). */
  readonly account: ReadonlySignal<Account | undefined>;
  /** Names what the popup shows (preset and URL): an API answer applies only while it is unchanged. */
  readonly requestKey: ReadonlySignal<string>;
  readonly cleanUrl: ReadonlySignal<string | null>;
  /** What the link changed about the URL it was built from (neutral host, US id, another publisher's tracking). */
  readonly linkChanges: ReadonlySignal<readonly LinkChange[]>;
  /** True when no preset can build an affiliate link yet: show the way to the options page. */
  readonly needsSetup: ReadonlySignal<boolean>;
  readonly copyState: ReadonlySignal<CopyState>;
  /** Why the last thing the popup saved (the chosen preset, a category pick) was not saved. */
  readonly saveProblem: ReadonlySignal<'quota' | 'other' | null>;
  /** The stored values the lazily loaded estimate reads (rate cache, hot list, category picks). */
  readonly storageSnapshot: ReadonlySignal<Readonly<Record<string, unknown>>>;
  /** True once those values are read (after the link: they are read separately, never delaying it). */
  readonly estimateDataLoaded: ReadonlySignal<boolean>;
  load(initialPastedUrl?: string): Promise<void>;
  /** Stores a raw value and updates the snapshot, so what depends on it recomputes at once. */
  putRaw(key: string, value: unknown): Promise<SaveResult>;
  selectPreset(id: string): void;
  setPastedUrl(value: string): void;
  /** Shows the API's link in place of the local one, if `key` still names what is on screen. */
  setApiLink(key: string, url: string, hot: boolean): void;
  /** Records why no API link came for `key` (if it still names what is on screen). */
  setApiLinkProblem(key: string, problem: ApiLinkProblem): void;
  /** Copies the link on screen, or the post around it, and reports the copy for the history. */
  copy(as?: CopyAs): Promise<void>;
}

export function createPopupModel(deps: PopupDeps): PopupModel {
  const loaded = signal(false);
  const tab = signal<ActiveTab>({});
  const pastedUrl = signal('');
  const stored = signal<StoredState>({ accounts: [], presets: [], settings: { defaultPresetId: null, lastUsedPresetId: null }, problems: [] });
  const selectedId = signal<string | null>(null);
  const copyState = signal<CopyState>({ kind: 'idle' });
  const saveProblem = signal<'quota' | 'other' | null>(null);
  const noteSave = (result: SaveResult): SaveResult => ((saveProblem.value = result.ok ? null : result.error.kind), result);
  const storageSnapshot = signal<Readonly<Record<string, unknown>>>({});
  const estimateDataLoaded = signal(false);
  const apiLink = signal<{ key: string; url: string; hot: boolean } | null>(null);
  const apiProblem = signal<{ key: string; problem: ApiLinkProblem } | null>(null);

  const sourceUrl = computed(() => (pastedUrl.value.trim() ? pastedUrl.value : tab.value.url));
  const tabTitle = computed(() => (pastedUrl.value.trim() ? undefined : tab.value.title));
  const parsed = computed(() => (sourceUrl.value === undefined ? null : parseProductUrl(sourceUrl.value)));
  const presets = computed(() => stored.value.presets);
  const selectedPreset = computed(() => presets.value.find((p) => p.id === selectedId.value) ?? null);
  const defaultPresetId = computed(() => defaultPresetOf(presets.value, stored.value.settings)?.id ?? null);
  const account = computed<Account | undefined>(() => {
    const id = selectedPreset.value?.accountId;
    return id ? stored.value.accounts.find((a) => a.id === id) : undefined;
  });
  const link = computed(() => {
    const target = parsed.value;
    if (!target || !sourceUrl.value) return null;
    const preset = selectedPreset.value ?? PLAIN_PRESET;
    return buildDeeplink(target, preset, account.value);
  });
  // The same target every network wraps (lib/networks/target.ts), so the popup can show it and what changed
  // even while a Portals link is still on its way from the API.
  const resolved = computed(() => (parsed.value ? resolveTarget(parsed.value, selectedPreset.value ?? PLAIN_PRESET) : null));
  const cleanUrl = computed(() => (resolved.value?.ok ? resolved.value.target.url : null));
  const linkChanges = computed<readonly LinkChange[]>(() => (resolved.value?.ok ? (resolved.value.target.changes ?? []) : []));
  const requestKey = computed(() => `${selectedId.value}\n${sourceUrl.value}`);
  const shownLink = computed<ShownLink | null>(() => {
    const api = apiLink.value;
    if (api?.key === requestKey.value) return { url: api.url, from: 'api', hot: api.hot };
    const result = link.value;
    return result?.ok ? { url: result.url, from: result.network === 'plain' ? 'clean' : 'local' } : null;
  });
  const needsApi = computed(() => link.value?.ok === false && link.value.code === 'needs-api' && cleanUrl.value !== null);
  const apiLinkProblem = computed(() => {
    const noted = apiProblem.value;
    return needsApi.value && noted?.key === requestKey.value ? noted.problem : null;
  });
  const apiLinkPending = computed(() => needsApi.value && shownLink.value === null && apiLinkProblem.value === null);
  const needsSetup = computed(() => !presets.value.some((p) => p.accountId !== null && stored.value.accounts.some((a) => a.id === p.accountId)));

  return {
    loaded,
    sourceUrl,
    pastedUrl,
    parsed,
    presets,
    selectedPreset,
    defaultPresetId,
    tabTitle,
    link,
    shownLink,
    apiLinkPending,
    apiLinkProblem,
    account,
    requestKey,
    cleanUrl,
    linkChanges,
    needsSetup,
    copyState,
    saveProblem,
    storageSnapshot,
    estimateDataLoaded,

    async load(initialPastedUrl) {
      if (initialPastedUrl) pastedUrl.value = initialPastedUrl;
      const estimateData = deps.loadEstimateData().catch(() => ({}));
      const [activeTab, raw] = await Promise.all([deps.getActiveTab().catch(() => undefined), deps.loadStorage().catch(() => ({}))]);
      performance.mark('sublink:data-ready');
      const state = parseState(raw);
      tab.value = { ...(activeTab?.url ? { url: activeTab.url } : {}), ...(activeTab?.title ? { title: activeTab.title } : {}) };
      stored.value = state;
      selectedId.value = initialPresetOf(state.presets, state.settings)?.id ?? null;
      loaded.value = true;
      const extra = await estimateData;
      // A value the popup stored meanwhile (putRaw) is newer than what was read.
      storageSnapshot.value = { ...extra, ...storageSnapshot.value };
      estimateDataLoaded.value = true;
    },

    async putRaw(key, value) {
      storageSnapshot.value = { ...storageSnapshot.value, [key]: value };
      return noteSave(await deps.saveRaw(key, value));
    },

    selectPreset(id) {
      if (!presets.value.some((p) => p.id === id)) return;
      selectedId.value = id;
      copyState.value = { kind: 'idle' };
      const settings = { ...stored.value.settings, lastUsedPresetId: id };
      stored.value = { ...stored.value, settings };
      void deps.saveSettings(settings).then(noteSave);
    },

    setPastedUrl(value) {
      pastedUrl.value = value;
      copyState.value = { kind: 'idle' };
    },

    setApiLink(key, url, hot) {
      if (key !== requestKey.value) return;
      apiLink.value = { key, url, hot };
      copyState.value = { kind: 'idle' };
    },

    setApiLinkProblem(key, problem) {
      if (key === requestKey.value) apiProblem.value = { key, problem };
    },

    async copy(as) {
      const result = shownLink.value;
      const text = result && (as ? as.text(result.url) : result.url);
      if (!result || !text) return;
      const kind = as ? { as: as.as } : {};
      try {
        await deps.writeClipboard(text);
      } catch (error) {
        copyState.value = { kind: 'failed', message: error instanceof Error ? error.message : String(error), ...kind };
        return;
      }
      copyState.value = { kind: 'copied', ...kind };
      // History is best effort: the link is already on the clipboard, which is what the user asked for.
      deps
        .notifyCopied({
          surface: 'popup',
          sourceUrl: sourceUrl.value ?? '',
          presetId: selectedPreset.value?.id ?? null,
          link: result.url,
          // As the browser gave it: the history writer trims the site's suffix (lib/storage/history.ts).
          ...(tabTitle.value ? { title: tabTitle.value } : {}),
          ...kind,
        })
        .catch(() => undefined);
    },
  };
}
