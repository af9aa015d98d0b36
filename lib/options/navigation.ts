/**
 * The options page's pages and the sections on each, and which page and section an address's
 * hash opens. The hash is the whole route, so a page can be linked to (`options.html#sources`),
 * the browser's back and forward move between pages, and a reload stays where it was.
 * Hashes of the single-column page that came before (section ids such as `#history`, and the
 * headings' ids) still open the page that now holds that section.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

export const OPTIONS_PAGES = ['links', 'accounts', 'sources', 'privacy'] as const;
export type OptionsPageId = (typeof OPTIONS_PAGES)[number];

export interface OptionsSection {
  /** The hash that opens the section: `options.html#presets`. */
  readonly id: string;
  /** The id of the section's heading, which the page scrolls to and the section is labelled by. */
  readonly headingId: string;
  /** Earlier hashes that open this section. */
  readonly aliases?: readonly string[];
}

/** Page by page, in the order the navigation lists them; sections in the order the page shows them. */
export const OPTIONS_SECTIONS: Readonly<Record<OptionsPageId, readonly OptionsSection[]>> = {
  links: [
    { id: 'history', headingId: 'history-heading' },
    { id: 'batch', headingId: 'batch-heading' },
  ],
  accounts: [
    { id: 'network-accounts', headingId: 'accounts-heading' },
    { id: 'presets', headingId: 'presets-heading' },
  ],
  sources: [
    { id: 'rates', headingId: 'rates-heading' },
    { id: 'hot-products', headingId: 'hot-heading' },
    { id: 'api', headingId: 'credentials-heading', aliases: ['credentials'] },
  ],
  privacy: [
    { id: 'badge', headingId: 'badge-heading' },
    { id: 'ship-to', headingId: 'ship-to-heading' },
    { id: 'backup', headingId: 'transfer-heading', aliases: ['transfer'] },
    { id: 'sync', headingId: 'sync-heading' },
    { id: 'your-data', headingId: 'privacy-heading', aliases: ['disclosure'] },
  ],
};

/** The page a visit without a hash opens: the links made, the daily work. */
export const DEFAULT_OPTIONS_PAGE: OptionsPageId = 'links';

export interface OptionsRoute {
  readonly page: OptionsPageId;
  /** The section to scroll to; null for the top of the page. */
  readonly section: OptionsSection | null;
}

const isPageId = (value: string): value is OptionsPageId => (OPTIONS_PAGES as readonly string[]).includes(value);

/** Every hash a section answers to: its id, its heading's id, its earlier names. */
const SECTION_BY_HASH: ReadonlyMap<string, OptionsRoute> = new Map(
  OPTIONS_PAGES.flatMap((page) =>
    OPTIONS_SECTIONS[page].flatMap((section) => [section.id, section.headingId, ...(section.aliases ?? [])].map((hash) => [hash, { page, section }] as const)),
  ),
);

/**
 * The route a hash (`#sources`, `sources`, `#presets`, `#history-heading`) opens. A hash that
 * names nothing opens the default page, so a stale or mistyped link still shows the options.
 */
export function routeForHash(hash: string): OptionsRoute {
  const raw = hash.replace(/^#/, '');
  let name: string;
  try {
    name = decodeURIComponent(raw).trim().toLowerCase();
  } catch {
    // A broken escape (`#%E2`) names nothing.
    name = raw;
  }
  if (isPageId(name)) return { page: name, section: null };
  return SECTION_BY_HASH.get(name) ?? { page: DEFAULT_OPTIONS_PAGE, section: null };
}

export const pageOfSection = (sectionId: string): OptionsPageId | null => SECTION_BY_HASH.get(sectionId)?.page ?? null;

export interface NavigationDeps {
  /** `location.hash` now. */
  readHash(): string;
  /** Calls back on every hash change (a link, back, forward); returns the unsubscribe. */
  onHashChange(listener: () => void): () => void;
}

/** The current route as a signal, following the address's hash. */
export function createNavigationModel(deps: NavigationDeps) {
  const route = signal<OptionsRoute>(routeForHash(deps.readHash()));
  /** Counts route changes after the first, so the page moves focus only when the user navigated. */
  const changes = signal(0);
  const follow = () => {
    route.value = routeForHash(deps.readHash());
    changes.value++;
  };
  const stop = deps.onHashChange(follow);
  return {
    route: route as ReadonlySignal<OptionsRoute>,
    changes: changes as ReadonlySignal<number>,
    /** Reads the hash again after the page rewrote the address itself (`history.replaceState` fires no event). */
    follow,
    stop,
  };
}

export type NavigationModel = ReturnType<typeof createNavigationModel>;
