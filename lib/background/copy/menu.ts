/** The context menu's click, routed (lib/background/menus/click.ts) and copied. */
import { menuCopyRequest, type MenuClickInfo, type MenuClickTab } from '../menus/click';
import type { CopyAffiliateLink, CopyOutcome } from './copy-link';

export function createMenuClickHandler(copy: CopyAffiliateLink) {
  return async function handleMenuClick(info: MenuClickInfo, tab: MenuClickTab | undefined): Promise<CopyOutcome | null> {
    const request = menuCopyRequest(info, tab);
    return request ? copy({ surface: 'context-menu', ...request }) : null;
  };
}
