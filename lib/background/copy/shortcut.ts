/**
 * The keyboard shortcuts (manifest `commands`): copy the current tab's affiliate link with the
 * default preset, or its post (the preset's template around the link). A command grants
 * activeTab, so the tab's URL is visible.
 */
import type { CopyAffiliateLink, CopyOutcome } from './copy-link';
import { tabTitleFor } from './tab-title';

export const COPY_COMMAND = 'copy-affiliate-link';
/** No suggested key: browsers allow an extension four, and users set this one where they set shortcuts. */
export const COPY_POST_COMMAND = 'copy-as-post';

export interface ShortcutTab {
  readonly id?: number;
  readonly url?: string;
  readonly title?: string;
}

export interface ShortcutDeps {
  readonly copy: CopyAffiliateLink;
  /** The focused window's active tab, for browsers that do not pass it with the command. */
  activeTab(): Promise<ShortcutTab | undefined>;
}

export function createShortcutHandler(deps: ShortcutDeps) {
  return async function handleCommand(command: string, tab: ShortcutTab | undefined): Promise<CopyOutcome | null> {
    if (command !== COPY_COMMAND && command !== COPY_POST_COMMAND) return null;
    const target = tab ?? (await deps.activeTab());
    const title = tabTitleFor(target?.url, target);
    return deps.copy({
      surface: 'shortcut',
      sourceUrl: target?.url,
      presetId: null,
      tabId: target?.id,
      ...(title === undefined ? {} : { title }),
      ...(command === COPY_POST_COMMAND ? { format: 'post' as const } : {}),
    });
  };
}
