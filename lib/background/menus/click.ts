/**
 * The context menu's one click listener routes here: the item id says which preset, and the
 * item's source says where the URL comes from. Each source has a named reader below.
 */
import { parseProductUrl, stripProsePunctuation } from '../../url';
import { parseMenuItemId, type MenuSource } from './items';

/** What Chrome's and Firefox's `onClicked` pass, reduced to the fields used. */
export interface MenuClickInfo {
  readonly menuItemId: string | number;
  readonly linkUrl?: string;
  readonly pageUrl?: string;
  readonly selectionText?: string;
}

export interface MenuClickTab {
  readonly id?: number;
  readonly url?: string;
  /** The tab's title: the product's name when the copied URL is the tab's own product. */
  readonly title?: string;
}

export interface MenuCopyRequest {
  readonly sourceUrl: string | undefined;
  /** null: the default preset. */
  readonly presetId: string | null;
  readonly tabId: number | undefined;
  /** `post`: "Copy as post". */
  readonly format?: 'post';
}

/** The link under the pointer: the item is only shown on links matching ALIEXPRESS_URL_PATTERNS. */
export const urlOfClickedLink = (info: MenuClickInfo): string | undefined => info.linkUrl;

/** The AliExpress page right-clicked. `pageUrl` is the top document's URL. */
export const urlOfClickedPage = (info: MenuClickInfo, tab: MenuClickTab | undefined): string | undefined => info.pageUrl ?? tab?.url;

/**
 * The first AliExpress URL in selected text ("see https://aliexpress.ru/item/1.html, cheap"),
 * preferring a product over other AliExpress pages, and those over a short link (which is
 * still returned, so the failure says "short link" rather than "no URL").
 */
export function urlInSelection(info: MenuClickInfo): string | undefined {
  const text = info.selectionText?.trim() ?? '';
  if (text === '') return undefined;
  // Prose around a pasted link: "(see https://…/item/1.html)." The parser tolerates it; the
  // history should show the link alone.
  const candidates = [text, ...text.split(/\s+/)].map(stripProsePunctuation);
  let page: string | undefined;
  let shortLink: string | undefined;
  for (const candidate of candidates) {
    const parsed = parseProductUrl(candidate);
    if (parsed.kind === 'product') return candidate;
    if ((parsed.kind === 'store' || parsed.kind === 'page') && page === undefined) page = candidate;
    if (parsed.kind === 'short-link' && shortLink === undefined) shortLink = candidate;
  }
  return page ?? shortLink;
}

const URL_OF_SOURCE: Readonly<Record<MenuSource, (info: MenuClickInfo, tab: MenuClickTab | undefined) => string | undefined>> = {
  link: urlOfClickedLink,
  page: urlOfClickedPage,
  selection: urlInSelection,
};

/** null for a click that is not one of our copy items (a submenu parent cannot be clicked). */
export function menuCopyRequest(info: MenuClickInfo, tab: MenuClickTab | undefined): MenuCopyRequest | null {
  const choice = parseMenuItemId(info.menuItemId);
  if (!choice) return null;
  return { sourceUrl: URL_OF_SOURCE[choice.source](info, tab), presetId: choice.presetId, tabId: tab?.id, ...(choice.format ? { format: choice.format } : {}) };
}
