/**
 * The product title a background copy records (lib/storage/history.ts `title`). The menu and the
 * shortcut see the tab's title (the click or command grants activeTab), but it describes only the
 * tab's own product: a right-click on a link to another product gets no title, rather than the
 * wrong one.
 */
import { productTitleFromTab } from '../../insights/category-guess';
import { parseProductUrl } from '../../url';

export interface TitledTab {
  readonly url?: string;
  readonly title?: string;
}

/** The tab's title without the site's suffix, when `copiedUrl` is the product the tab shows; else undefined. */
export function tabTitleFor(copiedUrl: string | undefined, tab: TitledTab | undefined): string | undefined {
  if (copiedUrl === undefined || tab?.url === undefined || typeof tab.title !== 'string') return undefined;
  const copied = parseProductUrl(copiedUrl);
  const shown = parseProductUrl(tab.url);
  if (copied.kind !== 'product' || shown.kind !== 'product' || copied.product.id !== shown.product.id) return undefined;
  return productTitleFromTab(tab.title) ?? undefined;
}
