/**
 * The background entrypoint itself, as the browser runs it: `main()` registers its listeners on
 * the fake browser, and each test fires the browser events a user's action causes, then reads
 * what a user would see (menus, clipboard, history, tabs, stored rate table). The pattern is WXT's
 * vitest example (https://wxt.dev/guide/essentials/unit-testing).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { COPY_COMMAND } from '@/lib/background/copy';
import { RATE_REFRESH_ALARM, RATE_SOURCE_KEY } from '@/lib/background/rate-source';
import { SETUP_PAGE_PATH } from '@/lib/messaging/pages';
import { MessageRejected } from '@/lib/messaging/protocol';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { loadHistory } from '@/lib/storage/history';
import { RATE_CACHE_KEY } from '@/lib/storage/keys';
import { loadState, saveAccounts, savePresets, saveSettings } from '@/lib/storage/local';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { installFakeExtensionApis } from '../support/fake-extension-apis';
import { VALID_FIXTURE, readFixture } from '../rates/hostile-fixtures';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const video: Preset = { ...blog, id: 'p2', name: 'Video', subIds: { subid: 'yt' } };
const admitadLink = (cleanUrl: string, subid: string) => `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent(cleanUrl)}&subid=${subid}`;

const PRODUCT_URL = 'https://aliexpress.ru/item/1005006789012345.html?spm=a2g0o.detail&aff_fcid=someone-else';
/** A DE audience on an aliexpress.ru product gets the locale-neutral product URL (lib/networks/target.ts). */
const CLEAN_URL = 'https://www.aliexpress.com/item/1005006789012345.html';
const RATE_TABLE_URL = 'https://rates.example.com/sublink.json';

let fakes: ReturnType<typeof installFakeExtensionApis>;
let clipboard: string[];

/** Two presets, the second one chosen as default: the copy must use it, not the first. */
async function storePresets() {
  await saveAccounts([admitad]);
  await savePresets([blog, video]);
  await saveSettings({ ...DEFAULT_SETTINGS, defaultPresetId: 'p2' });
}

const linkTitles = () => [...fakes.menus.items.values()].filter((item) => item.contexts[0] === 'link').map((item) => item.title);
const openTabUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

beforeEach(() => {
  fakes = installFakeExtensionApis();
  clipboard = [];
  // Without `offscreen` (as in Firefox's background page), the clipboard is written in the page.
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => void clipboard.push(text));
});

describe('background entrypoint', () => {
  it('main() registers every listener synchronously, before anything is awaited', () => {
    const events = [
      fakes.menuClicked,
      fakes.command,
      fakeBrowser.runtime.onMessage,
      fakeBrowser.runtime.onConnect,
      fakeBrowser.runtime.onInstalled,
      fakeBrowser.runtime.onStartup,
      fakeBrowser.alarms.onAlarm,
      fakeBrowser.storage.onChanged,
      fakeBrowser.tabs.onUpdated,
      fakes.permissionsAdded,
      fakes.permissionsRemoved,
    ];
    const added = events.map((event) => vi.spyOn(event as { addListener(listener: unknown): void }, 'addListener'));

    const result = background.main();

    expect(result).toBeUndefined();
    for (const addListener of added) expect(addListener).toHaveBeenCalled();
  });

  it('builds the menus on install and rebuilds them when the presets change', async () => {
    await storePresets();
    background.main();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(linkTitles()).toEqual(['Copy affiliate link (Video)', 'Copy affiliate link with preset', 'Video (default)', 'Blog', 'Copy as post (Video)']);

    await savePresets([blog]);
    expect(linkTitles()).toEqual(['Copy affiliate link (Blog)', 'Copy as post (Blog)']);
  });

  it('install opens the setup page once; an update or a browser start does not', async () => {
    background.main();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onStartup.trigger();

    const setupTabs = (await openTabUrls()).filter((url) => url === fakeBrowser.runtime.getURL(SETUP_PAGE_PATH as '/options.html'));
    expect(setupTabs).toHaveLength(1);
  });

  it('a context-menu click copies the default preset link to the clipboard and records it in the history', async () => {
    await storePresets();
    const measure = vi.spyOn(performance, 'measure');
    background.main();

    await fakes.menuClicked.trigger({ menuItemId: 'copy:link', linkUrl: PRODUCT_URL, pageUrl: 'https://blog.test/post' }, { id: 9, url: 'https://blog.test/post' });

    const expected = admitadLink(CLEAN_URL, 'yt');
    expect(clipboard).toEqual([expected]);
    expect((await loadHistory()).entries).toEqual([
      expect.objectContaining({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: 'p2', presetName: 'Video', link: expected, productId: '1005006789012345' }),
    ]);
    expect(fakes.badge.get(9)?.title).toBe('Sublink: affiliate link copied');
    // The bench hook (scripts/bench.mjs reads this measure from the worker's timeline).
    expect(measure).toHaveBeenCalledWith('sublink:copy-to-clipboard', expect.objectContaining({ detail: { surface: 'context-menu' } }));
  });

  it('the shortcut copies the active tab product with the default preset and records it', async () => {
    await storePresets();
    const activeTab = { id: 4, url: PRODUCT_URL };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([activeTab as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number]]);
    background.main();

    // Chrome passes no tab with some commands: the background asks for the focused window's active tab.
    await fakes.command.trigger(COPY_COMMAND);

    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(clipboard).toEqual([admitadLink(CLEAN_URL, 'yt')]);
    expect((await loadHistory()).entries).toEqual([expect.objectContaining({ surface: 'shortcut', presetId: 'p2', link: admitadLink(CLEAN_URL, 'yt') })]);
  });

  it('an unknown command copies nothing', async () => {
    await storePresets();
    background.main();
    await fakes.command.trigger('some-other-command', { id: 4, url: PRODUCT_URL });
    expect(clipboard).toEqual([]);
    expect((await loadHistory()).entries).toEqual([]);
  });

  it('a menu copy of a link over 8,192 characters is refused with its reason, and its entry stays in the history', async () => {
    await storePresets();
    background.main();
    const longUrl = `${PRODUCT_URL}&q=${'x'.repeat(9000)}`;

    await fakes.menuClicked.trigger({ menuItemId: 'copy:link', linkUrl: longUrl, pageUrl: 'https://blog.test/post' }, { id: 9, url: 'https://blog.test/post' });
    await fakes.menuClicked.trigger({ menuItemId: 'copy:link', linkUrl: PRODUCT_URL, pageUrl: 'https://blog.test/post' }, { id: 9, url: 'https://blog.test/post' });

    expect(clipboard).toEqual([admitadLink(CLEAN_URL, 'yt')]);
    const { entries, problems } = await loadHistory();
    expect(problems).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ link: admitadLink(CLEAN_URL, 'yt') }), expect.objectContaining({ surface: 'context-menu', failure: 'too-long', link: '' })]);
    expect(entries[1]!.sourceUrl.length).toBeLessThanOrEqual(8192);
  });

  it('a menu copy with storage full shows "!" and says the history did not keep it, and keeps the older entries', async () => {
    await storePresets();
    background.main();
    await fakes.menuClicked.trigger({ menuItemId: 'copy:link', linkUrl: PRODUCT_URL, pageUrl: 'https://blog.test/post' }, { id: 9, url: 'https://blog.test/post' });
    const before = (await loadHistory()).entries;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));

    await fakes.menuClicked.trigger({ menuItemId: 'copy:link', linkUrl: PRODUCT_URL, pageUrl: 'https://blog.test/post' }, { id: 9, url: 'https://blog.test/post' });

    expect(clipboard).toHaveLength(2);
    expect(fakes.badge.get(9)).toMatchObject({ text: '!', title: 'Sublink: affiliate link copied It is not in the history: browser storage is full.' });
    expect((await loadHistory()).entries).toEqual(before);
  });

  it('records a linkCopied message from our own popup, and remembers its preset', async () => {
    await storePresets();
    background.main();
    const link = admitadLink(CLEAN_URL, 'blog');

    const actual = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'linkCopied', data: { surface: 'popup', sourceUrl: PRODUCT_URL, presetId: 'p1', link } },
      { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') },
    );

    expect(actual).toEqual([{ recorded: true }]);
    expect((await loadHistory()).entries).toEqual([expect.objectContaining({ surface: 'popup', presetId: 'p1', presetName: 'Blog', link })]);
    expect((await loadState()).settings.lastUsedPresetId).toBe('p1');
  });

  it.each([
    { name: 'a web page', sender: { url: 'https://evil.test/page' } },
    { name: 'another extension', sender: { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' } },
  ])('refuses a linkCopied message from $name and records nothing', async ({ sender }) => {
    await storePresets();
    background.main();

    const actual = fakeBrowser.runtime.onMessage.trigger({ type: 'linkCopied', data: { surface: 'popup', sourceUrl: PRODUCT_URL, presetId: 'p1', link: 'https://evil.test/x' } }, sender);

    await expect(actual).rejects.toThrow(MessageRejected);
    await expect(actual).rejects.toMatchObject({ reason: 'foreign-sender' });
    expect((await loadHistory()).entries).toEqual([]);
  });

  /** The user granted the table's origin when saving its URL (the options page asks). */
  const grantRateOrigin = (granted: () => boolean) =>
    vi.mocked(fakeBrowser.permissions.contains).mockImplementation(async (permissions: { origins?: string[] }) =>
      granted() && (permissions.origins ?? []).every((origin) => origin === `${new URL(RATE_TABLE_URL).origin}/*`),
    );

  it('the refresh alarm fetches the rate table from the saved source and stores it', async () => {
    await fakeBrowser.storage.local.set({ [RATE_SOURCE_KEY]: { url: RATE_TABLE_URL, intervalMinutes: 60 } });
    grantRateOrigin(() => true);
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(readFixture(VALID_FIXTURE), { status: 200 }));
    background.main();

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: Date.now() });
    expect(fetch).not.toHaveBeenCalled();

    await fakeBrowser.alarms.onAlarm.trigger({ name: RATE_REFRESH_ALARM, scheduledTime: Date.now() });
    expect(fetch).toHaveBeenCalledWith(RATE_TABLE_URL, expect.anything());
    const stored = (await fakeBrowser.storage.local.get(RATE_CACHE_KEY))[RATE_CACHE_KEY];
    expect(stored).toMatchObject({ url: RATE_TABLE_URL, lastError: null, bundle: expect.objectContaining({ version: 'team-2025-06' }) });
  });

  it('fetches nothing once the user revokes the table\'s origin, and records why at once', async () => {
    await fakeBrowser.storage.local.set({ [RATE_SOURCE_KEY]: { url: RATE_TABLE_URL, intervalMinutes: 60 } });
    let granted = true;
    grantRateOrigin(() => granted);
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(readFixture(VALID_FIXTURE), { status: 200 }));
    background.main();
    await fakeBrowser.alarms.onAlarm.trigger({ name: RATE_REFRESH_ALARM, scheduledTime: Date.now() });
    expect(fetch).toHaveBeenCalledTimes(1);

    granted = false;
    await fakes.permissionsRemoved.trigger({ origins: [`${new URL(RATE_TABLE_URL).origin}/*`] });
    const stored = (await fakeBrowser.storage.local.get(RATE_CACHE_KEY))[RATE_CACHE_KEY];
    expect(stored).toMatchObject({ lastError: { code: 'noAccess' }, bundle: expect.objectContaining({ version: 'team-2025-06' }) });
    await fakeBrowser.alarms.onAlarm.trigger({ name: RATE_REFRESH_ALARM, scheduledTime: Date.now() });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
