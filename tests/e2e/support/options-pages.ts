/**
 * The options page is a few pages behind a side navigation (lib/options/navigation.ts): a spec
 * that works in one section opens its page first, as a user would, from the navigation.
 */
import { expect, type Page } from '@playwright/test';

/** Page ids and the section ids (hashes) on each, as lib/options/navigation.ts lists them. */
const PAGE_OF: Readonly<Record<string, string>> = {
  links: 'links',
  history: 'links',
  batch: 'links',
  accounts: 'accounts',
  'network-accounts': 'accounts',
  presets: 'accounts',
  sources: 'sources',
  rates: 'sources',
  'hot-products': 'sources',
  api: 'sources',
  privacy: 'privacy',
  badge: 'privacy',
  'ship-to': 'privacy',
  backup: 'privacy',
  'your-data': 'privacy',
};

/** Clicks the navigation's link to `hash` (a page or a section) and waits for its page to show. */
export async function showOptionsPage(page: Page, hash: string): Promise<void> {
  const pageId = PAGE_OF[hash];
  if (!pageId) throw new Error(`no options page or section "${hash}"`);
  await page.getByTestId('options-nav').locator(`a[href="#${hash}"]`).click();
  await expect(page.getByTestId(`page-${pageId}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#${hash}$`));
}
