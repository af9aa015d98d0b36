/**
 * The weekly re-check's count of dead links on the toolbar icon: a global badge (every tab without
 * its own view), in its own colour, with a tooltip that says what it counts and where to look.
 *
 * How it shares the icon with the per-tab views (the opt-in product badge, the copy flash): a
 * tab's own text wins over the global one in Chrome and Firefox, so the product's rate stays on
 * an AliExpress product tab, and a flash shows over the count for its moment. Every other tab
 * shows the count: an idle tab is given this view, not an empty text that would hide it
 * (lib/background/badge/product.ts `ground`). When the count changes or goes, each tab's view is
 * put back over the new ground, so no tab keeps an old copy (docs/architecture.md, 'The weekly
 * re-check and the badge').
 */
import type { DeadLinkCount } from '../../storage/weekly-recheck';
import { applyView, type ActionApi } from './action';
import { BADGE_COLORS, type BadgeView } from './view';

export interface DeadLinkText {
  /** The tooltip: how many of the links checked stopped earning, and where to see which. */
  deadLinks(dead: number, checked: number): string;
  /** The manifest's title (`action.default_title`), which the icon gets back when the count goes. */
  defaultTitle(): string;
}

/** Fits the badge's four characters. */
const countText = (dead: number): string => (dead > 99 ? '99+' : String(dead));

/** What a tab with nothing of its own shows, and what the icon shows without a tab: the count, or nothing. */
export function deadLinksView(count: DeadLinkCount | null, text: DeadLinkText): BadgeView {
  if (!count || count.dead <= 0) return { text: '', title: text.defaultTitle() };
  return { text: countText(count.dead), color: BADGE_COLORS.deadLinks, title: text.deadLinks(count.dead, count.checked) };
}

export interface DeadLinkBadgeDeps {
  readonly action: ActionApi;
  readonly text: DeadLinkText;
  readonly tabs: { query(filter: Record<string, never>): Promise<readonly { readonly id?: number }[]> };
  /** The tab's own view over the new ground (lib/background/badge/product.ts `restoreTab`). */
  restoreTab(tabId: number): Promise<void>;
}

export interface DeadLinkBadge {
  /** Shows `count` as the global badge (or clears it, for null), then puts every tab's view back over it. */
  show(count: DeadLinkCount | null): Promise<void>;
  /**
   * The global badge alone, for a worker start: the browser keeps tabs' own views while it runs, so
   * only a browser start (which resets the icon to the manifest's) needs the count back, and a
   * worker that starts every few minutes need not touch every tab.
   */
  restoreGlobal(count: DeadLinkCount | null): Promise<void>;
}

export function createDeadLinkBadge(deps: DeadLinkBadgeDeps): DeadLinkBadge {
  return {
    restoreGlobal: (count) => applyView(deps.action, undefined, deadLinksView(count, deps.text)),
    async show(count) {
      await applyView(deps.action, undefined, deadLinksView(count, deps.text));
      const tabs = await deps.tabs.query({});
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : deps.restoreTab(tab.id).catch(() => undefined))));
    },
  };
}
