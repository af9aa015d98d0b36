/**
 * The context menu and the keyboard shortcut, in the built extension in real Chromium.
 *
 * A context-menu click or a keyboard command cannot be produced in a headless test (Chromium
 * routes neither from CDP input), so the tests fire the real events inside the service worker:
 * `chrome.contextMenus.onClicked.dispatch(info, tab)` and `chrome.commands.onCommand.dispatch`
 * run exactly the listeners the background registered, with what Chrome would pass. Nothing
 * test-only ships in the extension. Menu items are probed with `contextMenus.update(id, {})`,
 * which fails for an id Chrome does not have.
 */
import type { Worker } from '@playwright/test';
import type { Browser } from '@wxt-dev/browser';
import { chromium } from '@playwright/test';
import { DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { stopServiceWorker, wakeServiceWorker } from '../../scripts/e2e-support/service-worker.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { expect, test } from './support/fixtures';

/**
 * `chrome` inside serviceWorker.evaluate(). Chromium's extension events also have `dispatch`,
 * which runs the registered listeners; the typings leave it out.
 */
type Dispatchable<E> = E extends Browser.events.Event<infer Listener> ? E & { dispatch: Listener } : never;
declare const chrome: Omit<typeof Browser, 'contextMenus' | 'commands'> & {
  contextMenus: Omit<typeof Browser.contextMenus, 'onClicked'> & { onClicked: Dispatchable<typeof Browser.contextMenus.onClicked> };
  commands: Omit<typeof Browser.commands, 'onCommand'> & { onCommand: Dispatchable<typeof Browser.commands.onCommand> };
};

const VIDEO_PRESET = { ...DEMO_PRESET, id: 'p2', name: 'Video', subIds: { subid: 'yt' } };
const WITH_TWO_PRESETS = { ...DEMO_STORAGE, presets: [DEMO_PRESET, VIDEO_PRESET] };
const RU_PRODUCT_URL = `https://aliexpress.ru/item/${SAMPLE_PRODUCT_ID}.html`;
/** DEMO_PRESET's audience is DE, outside the CIS: an aliexpress.ru product gets the locale-neutral link. */
const neutralOf = (ruUrl: string) => ruUrl.replace('https://aliexpress.ru/', 'https://www.aliexpress.com/');

const EXPECTED_MENU_IDS = ['link', 'page', 'selection'].flatMap((source) => [
  `copy:${source}`,
  `presets:${source}`,
  `preset:${source}:p1`,
  `preset:${source}:p2`,
  `post:${source}`,
]);

/** The ids among `ids` that Chrome has as context menu items. */
const existingMenuItems = (worker: Worker, ids: readonly string[]) =>
  worker.evaluate(async (candidates) => {
    const found: string[] = [];
    for (const id of candidates) {
      try {
        await chrome.contextMenus.update(id, {});
        found.push(id);
      } catch {
        // "Cannot find menu item with id ..."
      }
    }
    return found;
  }, ids);

/** The menu the background last finished building, as it recorded it in storage.session. */
const builtMenu = (worker: Worker) =>
  worker.evaluate(async () => {
    const { menusBuilt } = await chrome.storage.session.get('menusBuilt');
    return typeof menusBuilt === 'string' ? (JSON.parse(menusBuilt) as { id: string; title: string; parentId?: string }[]) : [];
  });

/** The test page's tab as Chrome would pass it to a listener. */
const activeTab = (worker: Worker) => worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);

/** The history as the options page reads it: the list and the journal merged. */
const history = (worker: Worker) => readHistory(worker);

test.describe('the context menu', () => {
  test('exists after install with every preset, default first, and stays after the worker is stopped', async ({
    context,
    extensionId,
    serviceWorker,
    seedStorage,
  }) => {
    await seedStorage(WITH_TWO_PRESETS);
    await expect.poll(async () => (await builtMenu(serviceWorker)).map((item) => item.id)).toEqual(EXPECTED_MENU_IDS);
    expect((await builtMenu(serviceWorker)).slice(0, 4).map((item) => item.title)).toEqual([
      'Copy affiliate link (Blog)',
      'Copy affiliate link with preset',
      'Blog (default)',
      'Video',
    ]);
    expect(await existingMenuItems(serviceWorker, [...EXPECTED_MENU_IDS, 'not-an-item'])).toEqual(EXPECTED_MENU_IDS);

    await serviceWorker.evaluate(() => Object.assign(self, { e2eBeforeStop: true }));
    await stopServiceWorker({ context, extensionId });
    await wakeServiceWorker({ context, extensionId });

    // A new worker instance (the old one's globals are gone), the same menu.
    expect(await serviceWorker.evaluate(() => 'e2eBeforeStop' in self)).toBe(false);
    expect(await existingMenuItems(serviceWorker, EXPECTED_MENU_IDS)).toEqual(EXPECTED_MENU_IDS);
    expect((await builtMenu(serviceWorker)).map((item) => item.id)).toEqual(EXPECTED_MENU_IDS);
  });

  test('is rebuilt when presets change', async ({ serviceWorker, seedStorage }) => {
    await seedStorage(WITH_TWO_PRESETS);
    await expect.poll(async () => (await builtMenu(serviceWorker)).length).toBe(15);

    await seedStorage({ presets: [{ ...VIDEO_PRESET, name: 'YouTube' }] });

    await expect
      .poll(async () => (await builtMenu(serviceWorker)).map((item) => item.title))
      .toEqual(Array(3).fill(['Copy affiliate link (YouTube)', 'Copy as post (YouTube)']).flat());
    expect(await existingMenuItems(serviceWorker, EXPECTED_MENU_IDS)).toEqual(['copy:link', 'post:link', 'copy:page', 'post:page', 'copy:selection', 'post:selection']);
  });

  test('the link item puts the deeplink for an aliexpress.ru link on the clipboard, and records it', async ({
    page,
    serviceWorker,
    seedStorage,
    readClipboard,
  }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);

    await serviceWorker.evaluate(
      ({ tab, linkUrl }) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab),
      { tab, linkUrl: `${RU_PRODUCT_URL}?spm=a2g2w.productlist&aff_fcid=someone-else` },
    );

    const expected = expectedAdmitadLink(neutralOf(RU_PRODUCT_URL));
    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ surface: 'context-menu', link: expected })]);
    expect(await readClipboard()).toBe(expected);
    // The confirmation is on the toolbar icon of the tab, and nowhere on the page.
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.id!)).toBe('✓');
    await expect.poll(() => serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.id!), { timeout: 5_000 }).toBe('');
  });

  test('the selection item finds the AliExpress URL in the selected text and uses the chosen preset', async ({
    page,
    serviceWorker,
    seedStorage,
    readClipboard,
  }) => {
    await seedStorage(WITH_TWO_PRESETS);
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);

    await serviceWorker.evaluate(
      (tab) =>
        chrome.contextMenus.onClicked.dispatch(
          { menuItemId: 'preset:selection:p2', selectionText: 'cable (https://m.aliexpress.com/item/1005006789012345.html), cheap', pageUrl: 'https://shop.example.test/', editable: false },
          tab,
        ),
      tab,
    );

    const expected = `https://ad.admitad.com/g/${DEMO_STORAGE.accounts[0]!.code}/?ulp=${encodeURIComponent(sampleProductUrl())}&subid=yt`;
    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ link: expected })]);
    expect(await readClipboard()).toBe(expected);
  });

  test('the post item puts the preset\'s rendered template on the clipboard, and records it as a post', async ({
    page,
    serviceWorker,
    seedStorage,
    readClipboard,
  }) => {
    const post = { text: 'Deal of the day:\n{title} — {price}\n{link}\n#ad', disclosure: true };
    await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, post }] });
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);

    await serviceWorker.evaluate(
      ({ tab, linkUrl }) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'post:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab),
      { tab, linkUrl: RU_PRODUCT_URL },
    );

    // No API credentials: title and price are unknown, so their line goes, with its dash.
    const link = expectedAdmitadLink(neutralOf(RU_PRODUCT_URL));
    const expected = `Deal of the day:\n${link}\n#ad\nAffiliate link: I may earn a commission on purchases made through it.`;
    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ surface: 'context-menu', link, as: 'post' })]);
    expect(await readClipboard()).toBe(expected);
  });

  test('a short link is refused on the badge and in the history, never silently', async ({ page, serviceWorker, seedStorage, readClipboard }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);

    await serviceWorker.evaluate(
      (tab) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl: 'https://s.click.aliexpress.com/e/_DdNkq3x', pageUrl: 'https://shop.example.test/', editable: false }, tab),
      tab,
    );

    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ failure: 'short-link', link: '' })]);
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.id!)).toBe('!');
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tab.id!)).toMatch(/nothing was copied.*Short links/);
    expect(await readClipboard()).toBe('(clipboard reset by the e2e harness)');
  });

  test('five copies in quick succession create one offscreen document and copy all five', async ({ launched, page, serviceWorker, seedStorage }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);
    await serviceWorker.evaluate(async () => {
      if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
    });
    // Count documents as Chrome creates them, not only what is left at the end.
    // noDefaults: leaves the worker browser's download folder alone (see openToolbarPopup).
    const browser = await chromium.connectOverCDP(launched.cdpEndpoint, { noDefaults: true });
    const created: string[] = [];
    try {
      const cdp = await browser.newBrowserCDPSession();
      // A document's target may appear before its URL is set: count distinct targets by id.
      const countOffscreen = ({ targetInfo }: { targetInfo: { targetId: string; url: string; type: string } }) => {
        if (targetInfo.url.endsWith('/offscreen.html') && !created.includes(targetInfo.targetId)) created.push(targetInfo.targetId);
      };
      cdp.on('Target.targetCreated', countOffscreen);
      cdp.on('Target.targetInfoChanged', countOffscreen);
      // The default filter leaves out some target types; an empty filter object reports them all.
      await cdp.send('Target.setDiscoverTargets', { discover: true, filter: [{}] });

      const links = [1, 2, 3, 4, 5].map((n) => `https://aliexpress.ru/item/100500678901234${n}.html`);
      await serviceWorker.evaluate(
        ({ tab, links }) => {
          for (const linkUrl of links) chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab);
        },
        { tab, links },
      );

      // Each entry is written as pending before its clipboard write: wait for all five outcomes.
      await expect.poll(async () => (await history(serviceWorker)).filter((entry) => !entry.pending).length).toBe(5);
      const entries = await history(serviceWorker);
      expect(entries.filter((entry) => entry.failure)).toEqual([]);
      expect(entries.map((entry) => entry.link).sort()).toEqual(links.map((link) => expectedAdmitadLink(neutralOf(link))).sort());
      expect(await serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length)).toBe(1);
      // DevTools reports targets asynchronously: on a busy machine the event can arrive after the copies.
      await expect.poll(() => created.length).toBe(1);
    } finally {
      await browser.close();
    }
  });

  test('a click right after the worker was stopped copies all the same', async ({ context, extensionId, page, serviceWorker, seedStorage, readClipboard }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto('https://shop.example.test/');
    const tab = await activeTab(serviceWorker);
    await serviceWorker.evaluate(async () => {
      if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
    });
    await stopServiceWorker({ context, extensionId });
    await wakeServiceWorker({ context, extensionId });

    await serviceWorker.evaluate(
      ({ tab, linkUrl }) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab),
      { tab, linkUrl: RU_PRODUCT_URL },
    );

    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ link: expectedAdmitadLink(neutralOf(RU_PRODUCT_URL)) })]);
    expect(await readClipboard()).toBe(expectedAdmitadLink(neutralOf(RU_PRODUCT_URL)));
  });
});

test.describe('the keyboard shortcut', () => {
  test("copies the current tab's deeplink with the default preset", async ({ openPopupFor, serviceWorker, seedStorage, readClipboard }) => {
    await seedStorage(WITH_TWO_PRESETS);
    // The command grants activeTab on the current tab; a toolbar click is the test's way to get
    // the same grant (CDP Extensions.triggerAction), after which the popup is closed again.
    const popup = await openPopupFor(RU_PRODUCT_URL);
    await popup.close();

    const tabUrl = await serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.commands.onCommand.dispatch('copy-affiliate-link', tab);
      return tab?.url;
    });

    expect(tabUrl).toBe(RU_PRODUCT_URL);
    // The tab shows this very product, so its title goes to the history without the site's suffix.
    await expect
      .poll(() => history(serviceWorker))
      .toEqual([expect.objectContaining({ surface: 'shortcut', sourceUrl: RU_PRODUCT_URL, title: `Sample product ${SAMPLE_PRODUCT_ID}` })]);
    expect(await readClipboard()).toBe(expectedAdmitadLink(neutralOf(RU_PRODUCT_URL)));
  });

  test('says on the badge when the browser did not reveal the tab (no activeTab grant)', async ({ page, serviceWorker, seedStorage }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto(RU_PRODUCT_URL);
    await page.bringToFront();

    const tabId = await serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.commands.onCommand.dispatch('copy-affiliate-link', tab);
      return tab!.id!;
    });

    await expect.poll(() => history(serviceWorker)).toEqual([expect.objectContaining({ surface: 'shortcut', failure: 'no-url' })]);
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId)).toBe('!');
  });

  test('is declared with its suggested key', async ({ serviceWorker }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'copy-affiliate-link', shortcut: 'Alt+Shift+L', description: expect.stringMatching(/affiliate link/) }));
    // Copy as post: declared without a key, for the user to set at chrome://extensions/shortcuts.
    expect(commands).toContainEqual(expect.objectContaining({ name: 'copy-as-post', shortcut: '', description: expect.stringMatching(/post/) }));
  });
});
