/**
 * Settings sync between two browser profiles in real Chromium. Chromium without a signed-in
 * account keeps `storage.sync` on the machine and never sends it, so the test is the sync
 * service's stand-in: it copies what one profile wrote to `storage.sync` into the other's, as
 * the browsers' sync would. A preset made in one profile appears in the other, and no secret is
 * written to sync (every key checked).
 */
import type { Page, Worker } from '@playwright/test';
import { DEMO_PRESET, DEMO_STORAGE } from '../../scripts/e2e-support/demo-data.mjs';
import { launchWithExtension } from '../../scripts/e2e-support/browser.mjs';
import { expect, test } from './support/fixtures';

declare const chrome: {
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }; local: { get(keys: null | string): Promise<Record<string, unknown>> } };
};

const SECRETS = ['abcdef0123456789abcdef0123456789', 'secretsecretsecretsecretsecret'];
const apiCredentials = {
  v: 1,
  aliexpress: { appKey: '500123', appSecret: SECRETS[0], trackingId: 'blog_main' },
  admitad: { clientId: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3', clientSecret: SECRETS[1], websiteId: '123456', campaignId: '6115' },
};
const readSync = (worker: Worker) => worker.evaluate(() => chrome.storage.sync.get(null));
/** The stand-in for the sync service: what `from` wrote arrives in `to`'s `storage.sync`. */
const carry = async (from: Worker, to: Worker) => {
  const items = await readSync(from);
  await to.evaluate((values) => chrome.storage.sync.set(values), items);
};
const localPresets = async (worker: Worker) => ((await worker.evaluate(() => chrome.storage.local.get('presets')))['presets'] ?? []) as { id: string; name: string; post?: unknown }[];

async function turnSyncOn(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#sync`);
  const section = page.getByTestId('sync');
  await section.getByTestId('sync-toggle').click();
  await expect(section.getByTestId('sync-toggle')).toBeChecked();
  return section;
}

test('a preset made in one profile appears in the other, and no secret reaches sync', async ({ page, extensionId, serviceWorker, seedStorage, sampleServer }) => {
  const withTemplate = { ...DEMO_PRESET, post: { text: '🔥 {title}\n{link}', disclosure: true } };
  await seedStorage({ ...DEMO_STORAGE, presets: [withTemplate], apiCredentials });
  const section = await turnSyncOn(page, extensionId);
  await expect(section.getByTestId('sync-status')).toContainText('Last synced');

  const synced = await readSync(serviceWorker);
  expect(Object.keys(synced).sort()).toEqual(['sublink:a:acc1', 'sublink:p:p1', 'sublink:settings']);
  for (const [key, value] of Object.entries(synced)) {
    const text = JSON.stringify(value);
    for (const secret of SECRETS) expect(text.includes(secret), `${key} holds a secret`).toBe(false);
    expect(text).not.toMatch(/appSecret|clientSecret|apiCredentials/);
  }

  // The second profile: its own browser, its own storage.
  const other = await launchWithExtension({ serverPort: sampleServer.port, snapshot: true });
  try {
    const otherWorker = await other.serviceWorker();
    await carry(serviceWorker, otherWorker);
    const otherPage = await other.context.newPage();
    await turnSyncOn(otherPage, other.extensionId);
    await expect.poll(() => localPresets(otherWorker)).toEqual([expect.objectContaining({ id: 'p1', name: 'Blog', post: withTemplate.post })]);
    // Secrets stay where they were entered.
    expect(await otherWorker.evaluate(() => chrome.storage.local.get('apiCredentials'))).toEqual({});

    // A preset made in the second profile goes back the other way.
    await otherWorker.evaluate(
      (presets) => (chrome.storage.local as unknown as { set(items: Record<string, unknown>): Promise<void> }).set({ presets }),
      [withTemplate, { ...DEMO_PRESET, id: 'p2', name: 'Video', subIds: { subid: 'yt' } }],
    );
    await expect.poll(async () => Object.keys(await readSync(otherWorker))).toContain('sublink:p:p2');
    await carry(otherWorker, serviceWorker);
    await expect.poll(async () => (await localPresets(serviceWorker)).map((preset) => preset.name)).toEqual(['Blog', 'Video']);
    await page.goto(`chrome-extension://${extensionId}/options.html#presets`);
    await expect(page.getByTestId('page-accounts').getByText('Video', { exact: true })).toBeVisible();
  } finally {
    await other.close();
  }
});
