/**
 * The context menu as data: which items exist for the stored presets, and how an item id maps
 * back to what was clicked. Pure, so rebuilding and routing are tested without a browser.
 *
 * Each place the menu shows (a link, an AliExpress page, a selection) gets its own items,
 * because Chrome and Firefox filter links by `targetUrlPatterns` and pages by
 * `documentUrlPatterns`, and one item cannot use both for different contexts:
 *
 *   Copy affiliate link (Blog)              copy:link       -> the default preset
 *   Copy affiliate link with preset  >      presets:link
 *       Blog (default)                      preset:link:<id>
 *       Video                               preset:link:<id>
 *   Copy as post (Blog)                     post:link       -> the default preset's post template around the link
 *
 * (the same under `page` and `selection`). The submenu is there only when there is a choice.
 * Browsers group several top-level items under the extension's name on their own.
 */
import { defaultPresetOf } from '../../presets/default';
import type { Preset } from '../../presets/types';
import type { Settings } from '../../storage/settings';
import { ALIEXPRESS_URL_PATTERNS } from './patterns';

export const MENU_SOURCES = ['link', 'page', 'selection'] as const;
/** Where the URL to wrap comes from: the link under the pointer, the page, the selected text. */
export type MenuSource = (typeof MENU_SOURCES)[number];

export interface MenuItemSpec {
  readonly id: string;
  readonly parentId?: string;
  readonly title: string;
  readonly contexts: [MenuSource];
  readonly targetUrlPatterns?: string[];
  readonly documentUrlPatterns?: string[];
}

/** The user-visible titles, injected so this module stays pure (lib/i18n supplies them). */
export interface MenuText {
  /** Top item: copy with the default preset; `presetName` is null when there is no preset. */
  copyLink(presetName: string | null): string;
  /** Copy the default preset's post (lib/presets/post-template.ts); `presetName` as above. */
  copyPost(presetName: string | null): string;
  copyWithPreset(): string;
  presetItem(presetName: string, isDefault: boolean): string;
}

const FILTERS: Readonly<Record<MenuSource, Pick<MenuItemSpec, 'targetUrlPatterns' | 'documentUrlPatterns'>>> = {
  link: { targetUrlPatterns: ALIEXPRESS_URL_PATTERNS },
  page: { documentUrlPatterns: ALIEXPRESS_URL_PATTERNS },
  // A selection can hold a URL on any page (a draft post, a spreadsheet): no filter possible.
  selection: {},
};

export function buildMenuSpec(presets: readonly Preset[], settings: Settings, text: MenuText): MenuItemSpec[] {
  const fallback = defaultPresetOf(presets, settings);
  // Default first, then the rest in the user's order.
  const ordered = fallback ? [fallback, ...presets.filter((p) => p !== fallback)] : [];
  const items: MenuItemSpec[] = [];
  for (const source of MENU_SOURCES) {
    const contexts: [MenuSource] = [source];
    const filter = FILTERS[source];
    items.push({ id: menuItemId(source, null), title: text.copyLink(fallback?.name ?? null), contexts, ...filter });
    if (ordered.length >= 2) {
      const parentId = `presets:${source}`;
      items.push({ id: parentId, title: text.copyWithPreset(), contexts, ...filter });
      for (const preset of ordered) {
        items.push({ id: menuItemId(source, preset.id), parentId, title: text.presetItem(preset.name, preset === fallback), contexts, ...filter });
      }
    }
    items.push({ id: postMenuItemId(source), title: text.copyPost(fallback?.name ?? null), contexts, ...filter });
  }
  return items;
}

/** `presetId` null: the default preset at the time of the click. */
export function menuItemId(source: MenuSource, presetId: string | null): string {
  return presetId === null ? `copy:${source}` : `preset:${source}:${presetId}`;
}

/** "Copy as post" with the default preset at the time of the click. */
export const postMenuItemId = (source: MenuSource): string => `post:${source}`;

export interface MenuChoice {
  readonly source: MenuSource;
  readonly presetId: string | null;
  /** `post`: the preset's post template around the link; absent: the link alone. */
  readonly format?: 'post';
}

/** The inverse of `menuItemId` and `postMenuItemId`; null for anything else (a submenu parent, another extension's id). */
export function parseMenuItemId(id: string | number): MenuChoice | null {
  if (typeof id !== 'string') return null;
  const match = /^(?:copy:(link|page|selection)|preset:(link|page|selection):(.+)|post:(link|page|selection))$/s.exec(id);
  if (!match) return null;
  if (match[1]) return { source: match[1] as MenuSource, presetId: null };
  if (match[4]) return { source: match[4] as MenuSource, presetId: null, format: 'post' };
  return { source: match[2] as MenuSource, presetId: match[3]! };
}
