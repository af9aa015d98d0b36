/** The context menu's click, routed (lib/background/menus/click.ts) and copied. */
import { menuCopyRequest, type MenuClickInfo, type MenuClickTab } from '../menus/click';
import type { CopyAffiliateLink, CopyOutcome } from './copy-link';
import { tabTitleFor } from './tab-title';

export function createMenuClickHandler(copy: CopyAffiliateLink) {
  return async function handleMenuClick(info: MenuClickInfo, tab: MenuClickTab | undefined): Promise<CopyOutcome | null> {
    const request = menuCopyRequest(info, tab);
    if (!request) return null;
    const title = tabTitleFor(request.sourceUrl, tab);
    return copy({ surface: 'context-menu', ...request, ...(title === undefined ? {} : { title }) });
  };
}
