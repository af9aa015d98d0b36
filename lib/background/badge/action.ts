import type { BadgeView } from './view';

/** The part of `action` (`browserAction` in Firefox MV2) the badge uses. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
  /** The title without a tab: the manifest's, which a tab gets back when its view is cleared. */
  getTitle(details: Record<string, never>): Promise<string>;
}

/** Shows a view on one tab (or on every tab without its own, when `tabId` is undefined). */
export async function applyView(action: ActionApi, tabId: number | undefined, view: BadgeView): Promise<void> {
  await Promise.all([
    action.setBadgeText({ tabId, text: view.text }),
    view.color ? action.setBadgeBackgroundColor({ tabId, color: view.color }) : undefined,
    (async () => action.setTitle({ tabId, title: view.title ?? (await action.getTitle({})) }))(),
  ]);
}
