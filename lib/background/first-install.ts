/**
 * On first install the options page opens once, in its setup mode, which ends
 * with a working preset. `runtime.onInstalled` fires with reason `install` once per install
 * (never on update, browser update or restart), so no stored flag is needed. Opening our own
 * page is not a tab on AliExpress and needs no permission (`tabs.create` works without `tabs`).
 */

/** `options.html?setup=1`: the options page shows the setup first. */
export const SETUP_PARAM = 'setup';
export const SETUP_PAGE_PATH = `/options.html?${SETUP_PARAM}=1`;

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

/** Whether the options page was opened for the setup (by the handler above, or a link to it). */
export function isSetupRequested(search: string): boolean {
  return new URLSearchParams(search).get(SETUP_PARAM) === '1';
}
