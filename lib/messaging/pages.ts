/**
 * Addresses of our own pages that one part of the extension opens for another: the background
 * opens the options page in its setup mode on first install, and the options page reads the same
 * parameter. Declared here, below both features, like the message map.
 */

/** `options.html?setup=1`: the options page shows the setup first. */
export const SETUP_PARAM = 'setup';
export const SETUP_PAGE_PATH = `/options.html?${SETUP_PARAM}=1`;

/** Whether the options page was opened for the setup (by the install handler, or a link to it). */
export function isSetupRequested(search: string): boolean {
  return new URLSearchParams(search).get(SETUP_PARAM) === '1';
}
