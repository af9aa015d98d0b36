/**
 * The options page, built, in real Chromium: a new user adds an account and a preset there,
 * and the toolbar popup then builds links with them.
 */
import type { Page } from '@playwright/test';
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const ADMITAD_CODE = '1e8d114494b7e165239416525dc3e8';
const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);

async function openOptions(context: import('@playwright/test').BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Network accounts' })).toBeVisible();
  return options;
}

test('a preset created in the options page is the one the popup uses', async ({ context, extensionId, openPopupFor, readStorage }) => {
  const options = await openOptions(context, extensionId);

  await options.getByRole('button', { name: 'Add account' }).click();
  await options.getByLabel('Name', { exact: true }).fill('My Admitad');
  await options.getByLabel('Admitad ad space code').fill(ADMITAD_CODE);
  await options.getByRole('form', { name: 'Add account' }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('account-list')).toContainText('My Admitad');

  await options.getByRole('button', { name: 'Add preset' }).click();
  await options.getByLabel('Preset name').fill('Telegram channel');
  await options.getByLabel('Audience country').selectOption('DE');
  await options.getByLabel('subid', { exact: true }).fill('tg');
  await options.getByLabel('subid1', { exact: true }).fill('post-17');
  await options.getByRole('form', { name: 'Add preset' }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('preset-list')).toContainText('Telegram channel');
  await expect(options.getByTestId('preset-list')).toContainText('DE');

  const stored = (await readStorage())['presets'] as { name: string; audienceCountry: string }[];
  expect(stored).toEqual([expect.objectContaining({ name: 'Telegram channel', audienceCountry: 'DE' })]);

  const popup = await openPopupFor(productUrl);
  await expect(popup.getByRole('radio', { name: /^Telegram channel/ })).toBeChecked();
  await expect(popup.getByTestId('deeplink')).toHaveText(
    `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent(productUrl)}&subid=tg&subid1=post-17`,
  );
  await expect(popup.getByTestId('setup-hint')).toHaveCount(0);
});

test('field-level messages explain what to fix, and nothing is saved until it is fixed', async ({ context, extensionId, readStorage }) => {
  const options = await openOptions(context, extensionId);

  await options.getByRole('button', { name: 'Add account' }).click();
  await options.getByLabel('Admitad ad space code').fill('not a code');
  await options.getByRole('form', { name: 'Add account' }).getByRole('button', { name: 'Save' }).click();

  await expect(options.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByText('Required.')).toBeVisible();
  await expect(options.getByText("This is not a code of this network: copy it whole from your network's link.")).toBeVisible();
  expect((await readStorage())['accounts']).toBeUndefined();

  await options.getByLabel('Name', { exact: true }).fill('Main');
  await options.getByLabel('Admitad ad space code').fill(ADMITAD_CODE);
  await options.getByRole('form', { name: 'Add account' }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('account-list')).toContainText('Main');

  await options.getByRole('button', { name: 'Add preset' }).click();
  await options.getByLabel('Preset name').fill('Too long');
  await options.getByLabel('subid4', { exact: true }).fill('x'.repeat(121));
  await options.getByRole('form', { name: 'Add preset' }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('At most 120 characters.')).toBeVisible();
  expect((await readStorage())['presets']).toBeUndefined();
});

test('stored data it cannot read is reported and kept', async ({ context, extensionId, seedStorage, readStorage }) => {
  const broken = { id: 'p9', name: 'From a newer version', accountId: null, program: 'future', audienceCountry: null, subIds: {}, keepSku: false };
  await seedStorage({ presets: [broken] });
  const options = await openOptions(context, extensionId);

  await expect(options.getByRole('alert')).toContainText('presets[0].program');
  await options.getByRole('button', { name: 'Add preset' }).click();
  await options.getByLabel('Preset name').fill('Blog');
  await options.getByRole('form', { name: 'Add preset' }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('preset-list')).toContainText('Blog');

  const stored = (await readStorage())['presets'] as unknown[];
  expect(stored).toHaveLength(2);
  expect(stored).toContainEqual(broken);
});

test('the first install opens the options page once, in its setup mode', async ({ launched, extensionId }) => {
  // The harness launched a fresh profile for this worker: that was the install.
  expect(launched.setupTabUrl).toBe(`chrome-extension://${extensionId}/options.html?setup=1`);
});

test('a Portals account and a preset with its tracking strings are set up in the options page', async ({ context, extensionId, readStorage }) => {
  const options = await openOptions(context, extensionId);

  await options.getByRole('button', { name: 'Add account' }).click();
  const accountForm = options.getByRole('form', { name: 'Add account' });
  await accountForm.getByLabel('Network').selectOption('portals');
  await accountForm.getByLabel('Name', { exact: true }).fill('My Portals');
  await accountForm.getByLabel('App key').fill('500123');
  await accountForm.getByLabel('Default tracking id').fill('my_site');
  await accountForm.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('account-list')).toContainText('My Portals');

  await options.getByRole('button', { name: 'Add preset' }).click();
  const presetForm = options.getByRole('form', { name: 'Add preset' });
  await presetForm.getByLabel('Preset name').fill('Forum');
  await presetForm.getByLabel('Account').selectOption({ label: 'My Portals' });
  await presetForm.getByLabel('af', { exact: true }).fill('forum');
  await presetForm.getByLabel('cn', { exact: true }).fill('black-friday');
  await presetForm.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('preset-list')).toContainText('Forum');

  const stored = await readStorage();
  expect(stored['accounts']).toEqual([expect.objectContaining({ network: 'portals', appKey: '500123', trackingId: 'my_site' })]);
  expect(stored['presets']).toEqual([expect.objectContaining({ name: 'Forum', portals: { af: 'forum', cn: 'black-friday' } })]);
});
