import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ALIEXPRESS_URL_PATTERNS,
  buildMenuSpec,
  createMenuRegistry,
  menuCopyRequest,
  menuItemId,
  parseMenuItemId,
  urlInSelection,
  type MenuText,
} from '@/lib/background/menus';
import { menuText } from '@/lib/background/menus/text';
import type { Preset } from '@/lib/presets/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { savePresets, saveSettings } from '@/lib/storage/local';
import { parseProductUrl } from '@/lib/url';
import background from '@/entrypoints/background';
import { fakeMenus, installFakeExtensionApis, type FakeMenus } from '../support/fake-extension-apis';

const preset = (id: string, name: string): Preset => ({ id, name, accountId: null, program: 'ww', audienceCountry: null, subIds: {}, keepSku: false });
const blog = preset('p1', 'Blog');
const video = preset('p2', 'Video');
const channel = preset('p3', 'Channel');
const settingsWith = (defaultPresetId: string | null): Settings => ({ ...DEFAULT_SETTINGS, defaultPresetId });

const plainText: MenuText = {
  copyLink: (name) => (name ? `Copy (${name})` : 'Copy'),
  copyWithPreset: () => 'With preset',
  copyPost: (name) => (name ? `Post (${name})` : 'Post'),
  presetItem: (name, isDefault) => (isDefault ? `${name}*` : name),
};

/** Chrome's match-pattern rules for the patterns used here: `*` scheme is http/https, `*.host` includes host. */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const target = new URL(url);
  if (scheme === '*' ? !['http:', 'https:'].includes(target.protocol) : target.protocol !== `${scheme}:`) return false;
  const hostOk = host!.startsWith('*.') ? target.hostname === host!.slice(2) || target.hostname.endsWith(host!.slice(1)) : target.hostname === host;
  return hostOk && (path === '/*' || target.pathname === path);
}

describe('ALIEXPRESS_URL_PATTERNS', () => {
  // Every host form docs/architecture.md lists ('Domain facts', URL forms) and lib/url parses.
  it.each([
    'https://www.aliexpress.com/item/1005006789012345.html',
    'https://aliexpress.com/item/1005006789012345.html',
    'https://es.aliexpress.com/item/1005006789012345.html',
    'https://he.aliexpress.com/i/1005006789012345.html',
    'https://m.aliexpress.com/item/1005006789012345.html',
    'https://m.ru.aliexpress.com/item/1005006789012345.html',
    'https://aliexpress.ru/item/1005006789012345.html',
    'https://m.aliexpress.ru/item/1005006789012345.html',
    'https://www.aliexpress.us/item/3256806789012345.html',
    'http://www.aliexpress.com/item/1005006789012345.html',
    'https://www.aliexpress.com/store/1234',
  ])('cover %s', (input) => {
    expect(parseProductUrl(input).kind).not.toBe('not-aliexpress');
    expect(ALIEXPRESS_URL_PATTERNS.some((pattern) => matches(pattern, input))).toBe(true);
  });

  it.each(['https://aliexpress.com.evil.test/item/1.html', 'https://evilaliexpress.com/item/1.html', 'https://example.com/?u=aliexpress.com'])(
    'leave out %s',
    (input) => {
      expect(ALIEXPRESS_URL_PATTERNS.some((pattern) => matches(pattern, input))).toBe(false);
    },
  );
});

describe('buildMenuSpec', () => {
  it('offers one plain item per place when there is no preset', () => {
    const actual = buildMenuSpec([], DEFAULT_SETTINGS, plainText);
    expect(actual).toEqual([
      { id: 'copy:link', title: 'Copy', contexts: ['link'], targetUrlPatterns: ALIEXPRESS_URL_PATTERNS },
      { id: 'post:link', title: 'Post', contexts: ['link'], targetUrlPatterns: ALIEXPRESS_URL_PATTERNS },
      { id: 'copy:page', title: 'Copy', contexts: ['page'], documentUrlPatterns: ALIEXPRESS_URL_PATTERNS },
      { id: 'post:page', title: 'Post', contexts: ['page'], documentUrlPatterns: ALIEXPRESS_URL_PATTERNS },
      { id: 'copy:selection', title: 'Copy', contexts: ['selection'] },
      { id: 'post:selection', title: 'Post', contexts: ['selection'] },
    ]);
  });

  it('names the default preset and adds no submenu for a single preset', () => {
    const actual = buildMenuSpec([blog], DEFAULT_SETTINGS, plainText);
    expect(actual.map((item) => [item.id, item.title])).toEqual([
      ['copy:link', 'Copy (Blog)'],
      ['post:link', 'Post (Blog)'],
      ['copy:page', 'Copy (Blog)'],
      ['post:page', 'Post (Blog)'],
      ['copy:selection', 'Copy (Blog)'],
      ['post:selection', 'Post (Blog)'],
    ]);
  });

  it('lists every preset in a submenu, default first, in each place', () => {
    const actual = buildMenuSpec([blog, video, channel], settingsWith('p2'), plainText);
    const link = actual.filter((item) => item.contexts[0] === 'link');
    expect(link.map(({ id, parentId, title }) => ({ id, parentId, title }))).toEqual([
      { id: 'copy:link', parentId: undefined, title: 'Copy (Video)' },
      { id: 'presets:link', parentId: undefined, title: 'With preset' },
      { id: 'preset:link:p2', parentId: 'presets:link', title: 'Video*' },
      { id: 'preset:link:p1', parentId: 'presets:link', title: 'Blog' },
      { id: 'preset:link:p3', parentId: 'presets:link', title: 'Channel' },
      { id: 'post:link', parentId: undefined, title: 'Post (Video)' },
    ]);
    expect(link.every((item) => item.targetUrlPatterns === ALIEXPRESS_URL_PATTERNS)).toBe(true);
    expect(actual.filter((item) => item.contexts[0] === 'page').every((item) => item.documentUrlPatterns === ALIEXPRESS_URL_PATTERNS)).toBe(true);
    expect(actual).toHaveLength(18);
  });

  it('falls back to the first preset when the default is gone', () => {
    const actual = buildMenuSpec([blog, video], settingsWith('deleted'), plainText);
    expect(actual[0]!.title).toBe('Copy (Blog)');
  });

  it('reads its titles from the catalog', () => {
    const actual = buildMenuSpec([blog, video], DEFAULT_SETTINGS, menuText);
    expect(actual.slice(0, 3).map((item) => item.title)).toEqual(['Copy affiliate link (Blog)', 'Copy affiliate link with preset', 'Blog (default)']);
    expect(actual.find((item) => item.id === 'post:link')?.title).toBe('Copy as post (Blog)');
    expect(buildMenuSpec([], DEFAULT_SETTINGS, menuText).find((item) => item.id === 'post:page')?.title).toBe('Copy as post');
  });
});

describe('menu item ids', () => {
  it.each([
    { input: menuItemId('link', null), expected: { source: 'link', presetId: null } },
    { input: menuItemId('selection', 'p1'), expected: { source: 'selection', presetId: 'p1' } },
    { input: menuItemId('page', '3f2a:b'), expected: { source: 'page', presetId: '3f2a:b' } },
    { input: 'post:link', expected: { source: 'link', presetId: null, format: 'post' } },
    { input: 'post:selection', expected: { source: 'selection', presetId: null, format: 'post' } },
    { input: 'post:image', expected: null },
    { input: 'presets:link', expected: null },
    { input: 'copy:image', expected: null },
    { input: 42, expected: null },
  ])('$input', ({ input, expected }) => {
    expect(parseMenuItemId(input)).toEqual(expected);
  });
});

describe('menuCopyRequest', () => {
  const tab = { id: 7, url: 'https://www.aliexpress.com/item/1005006789012345.html' };
  it.each([
    {
      name: 'a link: the link',
      input: { menuItemId: 'copy:link', linkUrl: 'https://aliexpress.ru/item/1005001.html', pageUrl: 'https://blog.test/' },
      expected: { sourceUrl: 'https://aliexpress.ru/item/1005001.html', presetId: null, tabId: 7 },
    },
    {
      name: 'a page: the page',
      input: { menuItemId: 'preset:page:p2', pageUrl: 'https://www.aliexpress.com/item/1005006789012345.html' },
      expected: { sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html', presetId: 'p2', tabId: 7 },
    },
    {
      name: 'a page without pageUrl: the tab',
      input: { menuItemId: 'copy:page' },
      expected: { sourceUrl: tab.url, presetId: null, tabId: 7 },
    },
    {
      name: 'a selection: the AliExpress URL in it',
      input: { menuItemId: 'copy:selection', selectionText: 'cheap cable (https://aliexpress.ru/item/1005002.html), see' },
      expected: { sourceUrl: 'https://aliexpress.ru/item/1005002.html', presetId: null, tabId: 7 },
    },
    {
      name: 'copy as post on a link: the link, as a post',
      input: { menuItemId: 'post:link', linkUrl: 'https://aliexpress.ru/item/1005001.html', pageUrl: 'https://blog.test/' },
      expected: { sourceUrl: 'https://aliexpress.ru/item/1005001.html', presetId: null, tabId: 7, format: 'post' },
    },
  ])('$name', ({ input, expected }) => {
    expect(menuCopyRequest(input, tab)).toEqual(expected);
  });

  it('ignores clicks on items that are not ours', () => {
    expect(menuCopyRequest({ menuItemId: 'presets:link' }, tab)).toBeNull();
  });
});

describe('urlInSelection', () => {
  it.each([
    { input: 'https://aliexpress.ru/item/1005002.html', expected: 'https://aliexpress.ru/item/1005002.html' },
    { input: 'store https://www.aliexpress.com/store/1234 and item aliexpress.com/item/1005003.html.', expected: 'aliexpress.com/item/1005003.html' },
    { input: 'only a store: https://www.aliexpress.com/store/1234', expected: 'https://www.aliexpress.com/store/1234' },
    { input: 'short https://a.aliexpress.com/_mKabc12', expected: 'https://a.aliexpress.com/_mKabc12' },
    { input: 'https://example.com/item/1005002.html', expected: undefined },
    { input: '   ', expected: undefined },
    // A closing bracket ends the URL only when the URL did not open it (GitHub Flavored Markdown spec,
    // "Autolinks (extension)"): a search for "usb hub (4 ports)" keeps its `)`, the prose around it does not.
    { input: 'hubs (https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)), cheap', expected: 'https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)' },
    { input: 'https://www.aliexpress.com/item/1005001.html?x=(a)', expected: 'https://www.aliexpress.com/item/1005001.html?x=(a)' },
  ])('$input', ({ input, expected }) => {
    const actual = urlInSelection({ menuItemId: 'copy:selection', selectionText: input });
    expect(actual).toBe(expected);
    if (expected) expect(parseProductUrl(expected).kind).not.toBe('not-aliexpress');
  });
});

function memoryMarker() {
  let value: string | undefined;
  return { read: async () => value, write: vi.fn(async (next: string | undefined) => void (value = next)) };
}

describe('createMenuRegistry', () => {
  it('rebuild removes everything, then creates the current items', async () => {
    const menus = fakeMenus();
    menus.items.set('stale', { id: 'stale', title: 'old', contexts: ['page'] });
    const registry = createMenuRegistry({ menus: menus.api, loadSpec: async () => buildMenuSpec([blog, video], DEFAULT_SETTINGS, plainText), built: memoryMarker() });

    await registry.rebuild();

    expect(menus.calls[0]).toBe('removeAll');
    expect([...menus.items.keys()]).toEqual(buildMenuSpec([blog, video], DEFAULT_SETTINGS, plainText).map((i) => i.id));
  });

  it('install and startup arriving together build one menu, not two interleaved', async () => {
    const menus = fakeMenus();
    const registry = createMenuRegistry({ menus: menus.api, loadSpec: async () => buildMenuSpec([blog], DEFAULT_SETTINGS, plainText), built: memoryMarker() });

    await Promise.all([registry.rebuild(), registry.rebuild(), registry.ensure()]);

    expect(menus.items.size).toBe(6);
    expect(menus.calls.filter((c) => c === 'removeAll')).toHaveLength(2);
    expect(menus.calls.filter((c) => c.startsWith('update'))).toEqual([]);
  });

  it('updates an item that already exists instead of failing (duplicate id)', async () => {
    const menus = fakeMenus();
    const spec = buildMenuSpec([blog], DEFAULT_SETTINGS, plainText);
    // A removeAll that did not take (another worker instance recreated the item meanwhile).
    menus.api.removeAll = async () => void menus.calls.push('removeAll');
    menus.items.set('copy:link', { id: 'copy:link', title: 'old', contexts: ['link'] });
    const registry = createMenuRegistry({ menus: menus.api, loadSpec: async () => spec, built: memoryMarker() });

    await registry.rebuild();

    expect(menus.calls).toContain('update copy:link');
    expect(menus.items.get('copy:link')!.title).toBe('Copy (Blog)');
  });

  it('ensure leaves a current menu alone and rebuilds a stale or half-built one', async () => {
    const menus = fakeMenus();
    let presets = [blog];
    const built = memoryMarker();
    const registry = createMenuRegistry({ menus: menus.api, loadSpec: async () => buildMenuSpec(presets, DEFAULT_SETTINGS, plainText), built });
    await registry.rebuild();
    menus.calls.length = 0;

    await registry.ensure();
    expect(menus.calls).toEqual([]);

    presets = [blog, video];
    await registry.ensure();
    expect(menus.items.has('preset:page:p2')).toBe(true);

    // A worker stopped mid-build left the marker cleared: the next wake rebuilds.
    await built.write(undefined);
    menus.calls.length = 0;
    await registry.ensure();
    expect(menus.calls[0]).toBe('removeAll');
  });

  it('clears the marker before touching the menu and sets it only when every item exists', async () => {
    const menus = fakeMenus();
    const built = memoryMarker();
    menus.api.create = async () => {
      throw new Error('the worker was stopped');
    };
    const registry = createMenuRegistry({ menus: menus.api, loadSpec: async () => buildMenuSpec([blog], DEFAULT_SETTINGS, plainText), built });

    await expect(registry.rebuild()).rejects.toThrow('stopped');

    expect(built.write.mock.calls).toEqual([[undefined]]);
    expect(await built.read()).toBeUndefined();
  });
});

describe('menus rebuilt when presets change, through the background entrypoint and browser.contextMenus', () => {
  let menus: FakeMenus;

  beforeEach(() => {
    // The fake browser has no contextMenus: a stand-in with the real callback-and-lastError shape.
    menus = installFakeExtensionApis().menus;
  });

  /** The real background: main() registers its listeners; a browser start rebuilds the menu. */
  function startBackground() {
    background.main();
    return { rebuild: () => fakeBrowser.runtime.onStartup.trigger() };
  }

  const titles = () => [...menus.items.values()].filter((item) => item.contexts[0] === 'link').map((item) => item.title);

  // Each storage write resolves once the storage.onChanged listeners it woke have finished.
  it('adds, renames and reorders preset items as presets and the default change', async () => {
    await savePresets([blog]);
    const { rebuild } = startBackground();
    await rebuild();
    expect(titles()).toEqual(['Copy affiliate link (Blog)', 'Copy as post (Blog)']);

    await savePresets([blog, video]);
    expect(titles()).toEqual(['Copy affiliate link (Blog)', 'Copy affiliate link with preset', 'Blog (default)', 'Video', 'Copy as post (Blog)']);

    await saveSettings(settingsWith('p2'));
    await savePresets([blog, { ...video, name: 'YouTube' }]);
    expect(titles()).toEqual(['Copy affiliate link (YouTube)', 'Copy affiliate link with preset', 'YouTube (default)', 'Blog', 'Copy as post (YouTube)']);

    await savePresets([]);
    expect(titles()).toEqual(['Copy affiliate link', 'Copy as post']);
  });

  it('does not rebuild when a write leaves the menu as it is (the popup remembering a preset)', async () => {
    await savePresets([blog, video]);
    const { rebuild } = startBackground();
    await rebuild();
    menus.calls.length = 0;

    await saveSettings({ ...DEFAULT_SETTINGS, lastUsedPresetId: 'p2' });

    expect(menus.calls).toEqual([]);
  });

  it('reports a duplicate id through runtime.lastError and recovers by updating', async () => {
    await savePresets([blog]);
    menus.items.set('copy:page', { id: 'copy:page', title: 'old', contexts: ['page'] });
    menus.api.removeAll = async () => undefined;
    const { rebuild } = startBackground();

    await rebuild();

    expect(menus.calls).toContain('update copy:page');
    expect(menus.items.get('copy:page')!.title).toBe('Copy affiliate link (Blog)');
  });
});
