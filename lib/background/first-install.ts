/**
 * On first install the options page opens once, in its setup mode, which ends
 * with a working preset. `runtime.onInstalled` fires with reason `install` once per install
 * (never on update, browser update or restart), so no stored flag is needed. Opening our own
 * page is not a tab on AliExpress and needs no permission (`tabs.create` works without `tabs`).
 */
import { SETUP_PAGE_PATH } from '../messaging/pages';

export interface FirstInstallDeps {
  /** `browser.runtime.getURL`. */
  getURL(path: string): string;
  /** `(url) => browser.tabs.create({ url })`. */
  openTab(url: string): Promise<unknown>;
}

/** The `runtime.onInstalled` listener. */
export function createFirstInstallHandler(deps: FirstInstallDeps): (details: { reason: string }) => Promise<void> {
  return async (details) => {
    if (details.reason !== 'install') return;
    await deps.openTab(deps.getURL(SETUP_PAGE_PATH));
  };
}
