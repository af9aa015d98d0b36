/**
 * What Sublink does with which data, one statement per line of the options page's disclosure and
 * of the store listing (docs/store-listing.md repeats the English text; a unit test keeps the two
 * and the manifest's permissions in step). Only data: the words are in the message catalogs.
 */
import { API_HOST_PERMISSIONS } from '../api/hosts';
import { BADGE_HOST_PERMISSIONS } from '../background/badge/hosts';
import type { MessageKey } from '../i18n/index';

export interface DisclosureItem {
  readonly key: MessageKey;
  /** Off until the user turns the feature on (and the browser grants what it needs). */
  readonly optional: boolean;
  /** The manifest permissions this statement explains. */
  readonly permissions: readonly string[];
}

export const DISCLOSURE_ITEMS: readonly DisclosureItem[] = [
  { key: 'disclosure_storage', optional: false, permissions: ['storage'] },
  { key: 'disclosure_tab', optional: false, permissions: ['activeTab'] },
  { key: 'disclosure_menu', optional: false, permissions: ['contextMenus', 'menus'] },
  { key: 'disclosure_clipboard', optional: false, permissions: ['clipboardWrite', 'offscreen'] },
  { key: 'disclosure_links', optional: false, permissions: [] },
  { key: 'disclosure_badge', optional: true, permissions: BADGE_HOST_PERMISSIONS },
  { key: 'disclosure_shipTo', optional: true, permissions: ['cookies'] },
  { key: 'disclosure_rates', optional: true, permissions: ['alarms', 'https://*/*'] },
  { key: 'disclosure_api', optional: true, permissions: [...API_HOST_PERMISSIONS.aliexpress, ...API_HOST_PERMISSIONS.admitad] },
  { key: 'disclosure_recheck', optional: true, permissions: [] },
  { key: 'disclosure_sync', optional: true, permissions: [] },
  { key: 'disclosure_transfer', optional: false, permissions: [] },
  { key: 'disclosure_nothingElse', optional: false, permissions: [] },
];
