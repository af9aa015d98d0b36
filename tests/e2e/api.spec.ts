/**
 * Network APIs in the built extension, in real Chromium: the background calls
 * https://api-sg.aliexpress.com and https://api.admitad.com, which this worker's browser resolves
 * to the TLS fakes in tests/fakes (--host-resolver-rules). The hosts' optional permissions are
 * granted at install (`grantAtInstall`): a headless browser cannot answer the permission dialog.
 *
 * The popup shows the local result at once and swaps in the API's link and exact rate with their
 * source; a failure shows its reason in one line and keeps the local link; no secret reaches
 * storage.sync, a UI page, or any console.
 */
import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { DEMO_ACCOUNT, DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import {
  FAKE_ADMITAD_CAMPAIGN_ID,
  FAKE_ADMITAD_CREDENTIALS,
  FAKE_ADMITAD_WEBSITE_ID,
  FAKE_ALIEXPRESS_CREDENTIALS,
  FAKE_API_HOSTS,
  promotionLink,
  startFakeAdmitadApi,
  startFakeAliExpressApi,
  type FakeAdmitadApi,
  type FakeAliExpressApi,
} from '../fakes/index.mjs';
import { expect, test as base } from './support/fixtures';

interface FakeApis {
  readonly aliexpress: FakeAliExpressApi;
  readonly admitad: FakeAdmitadApi;
}

const test = base.extend<{ fakes: FakeApis }, { fakeApis: FakeApis }>({
  fakeApis: [
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const [aliexpress, admitad] = await Promise.all([startFakeAliExpressApi({ tls: true }), startFakeAdmitadApi({ tls: true })]);
      await use({ aliexpress, admitad });
      await Promise.all([aliexpress.close(), admitad.close()]);
    },
    { scope: 'worker' },
  ],
  // Before the sample server's `*.aliexpress.com`, which would otherwise catch api-sg.
  hostRules: [
    async ({ fakeApis }, use) => use([`MAP ${FAKE_API_HOSTS.aliexpress} 127.0.0.1:${fakeApis.aliexpress.port}`, `MAP ${FAKE_API_HOSTS.admitad} 127.0.0.1:${fakeApis.admitad.port}`]),
    { scope: 'worker' },
  ],
  fakes: async ({ fakeApis }, use) => {
    for (const fake of [fakeApis.aliexpress, fakeApis.admitad]) {
      fake.setBehaviour('ok');
      fake.clearRequests();
    }
    fakeApis.admitad.revokeTokens();
    await use(fakeApis);
  },
});

test.use({ grantAtInstall: ['https://api-sg.aliexpress.com/*', 'https://api.admitad.com/*'] });

const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
const HOT_LINK = `${promotionLink(productUrl, 'blog_main', 'hot')}?af=tg%20channel&cn=sale11&cv=003&dp=abc`;
const PORTALS_ACCOUNT = { id: 'acc-p', network: 'portals', name: 'My Portals', appKey: FAKE_ALIEXPRESS_CREDENTIALS.appKey, trackingId: 'blog_main' };
const PORTALS_PRESET = {
  id: 'pp',
  name: 'Portals blog',
  accountId: 'acc-p',
  program: 'portals',
  audienceCountry: 'US',
  subIds: {},
  keepSku: false,
  portals: { af: 'tg channel', cn: 'sale11', cv: '003', dp: 'abc' },
};
const PORTALS_STORAGE = { accounts: [PORTALS_ACCOUNT, DEMO_ACCOUNT], presets: [PORTALS_PRESET, DEMO_PRESET], settings: { defaultPresetId: 'pp', lastUsedPresetId: null } };
const ALIEXPRESS_INPUT = { service: 'aliexpress', ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: 'default_tid' };
const ADMITAD_INPUT = { service: 'admitad', ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID };

const SECRETS = [FAKE_ALIEXPRESS_CREDENTIALS.appSecret, FAKE_ADMITAD_CREDENTIALS.clientSecret, Buffer.from(`${FAKE_ADMITAD_CREDENTIALS.clientId}:${FAKE_ADMITAD_CREDENTIALS.clientSecret}`).toString('base64')];
const expectNoSecret = (what: string, value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of SECRETS) expect(text.includes(secret) || text.includes(encodeURIComponent(secret)), `${what} holds a secret: ${text.slice(0, 400)}`).toBe(false);
};

// `chrome` inside page.evaluate(): the extension page's own global.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends one protocol message from an extension page, as the options page does, and returns the reply it gets. */
const sendFrom = (page: Page, type: string, data: unknown): Promise<unknown> => page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);

/** Saves credentials the way the options page does (through the background), and returns the options page. */
async function saveCredentials(page: Page, extensionId: string, ...inputs: unknown[]): Promise<unknown[]> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const replies: unknown[] = [];
  for (const input of inputs) replies.push(await sendFrom(page, 'saveApiCredentials', input));
  return replies;
}

test.describe('a Portals preset', () => {
  test('shows the API link with the custom tracking strings and the exact rate, and copies it', async ({ context, extensionId, fakes, seedStorage, openPopupFor, readClipboard }) => {
    await seedStorage(PORTALS_STORAGE);
    const options = await context.newPage();
    const [saved] = await saveCredentials(options, extensionId, ALIEXPRESS_INPUT);
    expect(saved).toMatchObject({ ok: true, view: { aliexpress: { appKey: FAKE_ALIEXPRESS_CREDENTIALS.appKey, appSecret: `••••${FAKE_ALIEXPRESS_CREDENTIALS.appSecret.slice(-4)}` } } });
    await options.close();

    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('deeplink')).toHaveText(HOT_LINK);
    await expect(popup.getByRole('heading', { name: 'Hot link from the AliExpress API' })).toBeVisible();
    const rate = popup.getByTestId('api-rate');
    await expect(rate).toContainText('9%');
    await expect(rate).toContainText('Rate from the AliExpress API');
    await expect(rate).toContainText('normal rate 7%');
    await expect(popup.getByTestId('api-product')).toContainText('Consumer Electronics › Cables');
    await expect(popup.getByTestId('api-not-affiliate')).toHaveCount(0);
    await expect(popup.getByTestId('api-error')).toHaveCount(0);

    // What the gateway was asked: the clean URL, the account's tracking id, the hot link type.
    const link = fakes.aliexpress.requests.find((request) => request.method === 'aliexpress.affiliate.link.generate');
    expect(link).toMatchObject({ verdict: 'ok', params: { source_values: productUrl, tracking_id: 'blog_main', promotion_link_type: '2', sign_method: 'sha256' } });

    await popup.getByTestId('copy').click();
    await expect(popup.getByTestId('copy')).toHaveAttribute('data-copied', 'true');
    expect(await readClipboard()).toBe(HOT_LINK);
  });

  test('reopening the popup within the hour costs no request', async ({ context, extensionId, fakes, seedStorage, openPopupFor }) => {
    await seedStorage(PORTALS_STORAGE);
    await saveCredentials(await context.newPage(), extensionId, ALIEXPRESS_INPUT);
    let popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('deeplink')).toHaveText(HOT_LINK);
    const asked = fakes.aliexpress.requests.length;
    expect(asked).toBe(2);
    await popup.close();

    popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('deeplink')).toHaveText(HOT_LINK);
    await expect(popup.getByTestId('api-rate')).toContainText('9%');
    expect(fakes.aliexpress.requests.length).toBe(asked);
  });

  test('a 401 "not registered" shows its reason, and no link to copy (an untracked link earns nothing)', async ({ context, extensionId, fakes, seedStorage, openPopupFor }) => {
    await seedStorage(PORTALS_STORAGE);
    await saveCredentials(await context.newPage(), extensionId, ALIEXPRESS_INPUT);
    fakes.aliexpress.setBehaviour('not-registered');

    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('api-error')).toHaveText('AliExpress API: this account is not registered as an affiliate publisher (401).');
    await expect(popup.getByTestId('api-link-problem')).toContainText('No Portals link');
    await expect(popup.getByTestId('deeplink')).toHaveCount(0);
    await expect(popup.getByTestId('copy')).toHaveCount(0);
  });

  test('without credentials the popup says where the Portals link comes from, and copies nothing', async ({ seedStorage, openPopupFor }) => {
    await seedStorage(PORTALS_STORAGE);
    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('api-link-problem')).toContainText('Add your API app key and secret in the options');
    await expect(popup.getByTestId('deeplink')).toHaveCount(0);
    await expect(popup.getByTestId('copy')).toHaveCount(0);
  });
});

test.describe('an Admitad preset', () => {
  test('shows "not an affiliate product" as a blocking warning when Admitad says so', async ({ context, extensionId, fakes, seedStorage, openPopupFor }) => {
    await seedStorage(DEMO_STORAGE);
    await saveCredentials(await context.newPage(), extensionId, ADMITAD_INPUT);
    fakes.admitad.setBehaviour('not-affiliate');

    const popup = await openPopupFor(productUrl);
    const warning = popup.getByTestId('api-not-affiliate');
    await expect(warning).toContainText('Not an affiliate product');
    await expect(warning).toHaveAttribute('role', 'alert');
    await expect(warning).toHaveClass(/blocking/);
    // The local Admitad link stays: the API refines, it does not replace it.
    await expect(popup.getByTestId('deeplink')).toHaveText(expectedAdmitadLink(productUrl));
    await expect(popup.getByTestId('api-rate')).toContainText('Rate from the Admitad API');
  });

  test('a 401 shows its reason in one line and keeps the local link', async ({ context, extensionId, fakes, seedStorage, openPopupFor }) => {
    await seedStorage(DEMO_STORAGE);
    await saveCredentials(await context.newPage(), extensionId, ADMITAD_INPUT);
    fakes.admitad.setBehaviour('invalid-client');

    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('api-error')).toHaveText('Admitad API: the API credentials were refused (invalid_client). Showing the local link and estimate.');
    await expect(popup.getByTestId('deeplink')).toHaveText(expectedAdmitadLink(productUrl));
    await expect(popup.getByTestId('rate')).toBeVisible();
    expect(fakes.admitad.requests.find((request) => request.path === '/token/')?.status).toBe(401);
  });

  test('a timeout shows its reason and keeps the local link, which never waited for it', async ({ context, extensionId, fakes, seedStorage, openPopupFor }) => {
    test.slow();
    await seedStorage(DEMO_STORAGE);
    await saveCredentials(await context.newPage(), extensionId, ADMITAD_INPUT);
    fakes.admitad.setBehaviour({ mode: 'slow', delayMs: 15_000 });

    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('deeplink')).toHaveText(expectedAdmitadLink(productUrl));
    await expect(popup.getByTestId('api-status')).toHaveText('Asking the Admitad API…');
    await expect(popup.getByTestId('api-error')).toHaveText('Admitad API: no answer in time. Showing the local link and estimate.', { timeout: 15_000 });
    await expect(popup.getByTestId('deeplink')).toHaveText(expectedAdmitadLink(productUrl));
  });
});

test('no secret reaches storage.sync, a UI page or any console', async ({ context, extensionId, fakes, serviceWorker, seedStorage, openPopupFor, openPopupPage }) => {
  const logged: string[] = [];
  const keep = (where: string) => (message: ConsoleMessage) => logged.push(`${where} ${message.type()}: ${message.text()}`);
  context.on('console', keep('page'));
  (serviceWorker as Worker).on('console', keep('service worker'));

  await seedStorage(PORTALS_STORAGE);
  const options = await context.newPage();
  const replies = await saveCredentials(options, extensionId, ALIEXPRESS_INPUT, ADMITAD_INPUT);
  replies.push(await sendFrom(options, 'getApiCredentials', {}));
  replies.push(await sendFrom(options, 'checkApiCredentials', { service: 'aliexpress' }));
  replies.push(await sendFrom(options, 'checkApiCredentials', { service: 'admitad' }));

  // Every preset, in the modes where the fakes answer, echo the secrets back, or refuse them; one
  // product per mode, so that no answer comes from the cache.
  const modes = [
    { aliexpress: 'ok', admitad: 'ok', product: SAMPLE_PRODUCT_ID },
    { aliexpress: 'echo-secret', admitad: 'echo-secret', product: '1005001234567890' },
    { aliexpress: 'not-registered', admitad: 'invalid-client', product: '1005009999999999' },
  ] as const;
  for (const mode of modes) {
    fakes.aliexpress.setBehaviour(mode.aliexpress);
    fakes.admitad.setBehaviour(mode.admitad);
    fakes.admitad.revokeTokens();
    for (const presetId of ['pp', 'p1']) replies.push(await sendFrom(options, 'productInsights', { url: sampleProductUrl(mode.product), presetId }));
  }
  fakes.aliexpress.setBehaviour('echo-secret');
  const toolbarPopup = await openPopupFor(sampleProductUrl('1005001234567890'));
  toolbarPopup.on('console', keep('toolbar popup'));
  await expect(toolbarPopup.getByTestId('api-error')).toBeVisible();
  // Read now: the toolbar popup closes as soon as another page takes the focus.
  expectNoSecret('the toolbar popup', await toolbarPopup.content());
  const tabPopup = await openPopupPage(productUrl);
  await expect(tabPopup.getByTestId('api-facts')).toBeVisible();

  for (const reply of replies) expectNoSecret('a reply to a UI page', reply);
  expect(replies.some((reply) => JSON.stringify(reply).includes('[redacted]')), 'the echoing fake was redacted, not silent').toBe(true);
  for (const page of [options, tabPopup]) expectNoSecret(`the DOM of ${page.url()}`, await page.content());

  const areas = await serviceWorker.evaluate(async () => ({
    sync: await (globalThis as unknown as { chrome: { storage: { sync: { get(keys: null): Promise<unknown> } } } }).chrome.storage.sync.get(null),
    session: await (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<unknown> } } } }).chrome.storage.session.get(null),
  }));
  expect(areas.sync).toEqual({});
  expectNoSecret('storage.session', areas.session);
  // Console output from every page and the worker, including what the failures above caused.
  expectNoSecret('console output', logged);
});

test('the options page section saves, shows masked and removes the credentials', async ({ context, extensionId, fakes, readStorage }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#api`);
  const section = options.getByTestId('api-credentials');
  // The section is rendered by entrypoints/options/App.tsx (one line the options page adds).
  test.skip((await section.count()) === 0, 'ApiCredentialsSection is not rendered in the options page yet');

  const form = options.getByTestId('credentials-aliexpress');
  await form.getByLabel('App key').fill(FAKE_ALIEXPRESS_CREDENTIALS.appKey);
  await form.getByLabel('App secret').fill(FAKE_ALIEXPRESS_CREDENTIALS.appSecret);
  await form.getByLabel('Default tracking id').fill('blog_main');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('credentials-aliexpress-status')).toHaveText('The credentials work.');
  await expect(form.getByText(`Saved: ••••${FAKE_ALIEXPRESS_CREDENTIALS.appSecret.slice(-4)}. Leave empty to keep it.`)).toBeVisible();
  await expect(form.getByLabel('App secret')).toHaveValue('');
  expect(fakes.aliexpress.requests.map((request) => request.method)).toEqual(['aliexpress.affiliate.hotproduct.query']);
  expect(await readStorage()).toMatchObject({ apiCredentials: { aliexpress: { appSecret: FAKE_ALIEXPRESS_CREDENTIALS.appSecret } } });
  expectNoSecret('the options page', await options.content());

  options.once('dialog', (dialog) => void dialog.accept());
  await form.getByRole('button', { name: 'Remove' }).click();
  await expect(options.getByTestId('credentials-aliexpress-status')).toHaveText('Removed.');
  expect(await readStorage()).not.toHaveProperty('apiCredentials');
});
