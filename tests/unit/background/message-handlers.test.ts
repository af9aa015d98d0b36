import { describe, expect, it } from 'vitest';
import { createHistoryMessageHandlers, type HistoryMessageDeps } from '@/lib/background/message-handlers';
import { HISTORY_LIMIT, type HistoryEntry } from '@/lib/storage/history';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { memoryHistory } from '../support/memory-history';

const preset: Preset = { id: 'p1', name: 'Blog', accountId: null, program: 'ww', audienceCountry: 'DE', subIds: {}, keepSku: false };
/** The links these tests report go to this account's host. */
const account: Account = { id: 'acc1', network: 'custom', name: 'Test network', template: 'https://a.test/?u={url}' };

function fakeDeps(initialHistory: HistoryEntry[] = []) {
  // A slow store: concurrent copies would overwrite each other without the handler's queue.
  const history = memoryHistory(initialHistory, { setDelayMs: 5 });
  const state = {
    get history(): HistoryEntry[] {
      return history.visible();
    },
    settings: DEFAULT_SETTINGS as Settings,
    now: 1_700_000_000_000,
  };
  const deps: HistoryMessageDeps = {
    loadAccounts: async () => [account],
    loadPresets: async () => [preset],
    loadSettings: async () => state.settings,
    saveSettings: async (s) => ((state.settings = s), { ok: true }),
    history: history.store,
    now: () => state.now++,
  };
  return { deps, state };
}

const copy = (link: string, surface: 'popup' | 'context-menu' = 'popup') => ({
  surface,
  sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o',
  presetId: 'p1',
  link,
});

describe('linkCopied handler', () => {
  it.each([
    'https://attacker.example/?ulp=https://ad.admitad.com/',
    'https://ad.admitad.com.attacker.example/g/x/',
    'https://b.test/1',
  ])('refuses a link to a host that is none of the accounts\' nor AliExpress\'s, and records nothing: %s', async (link) => {
    const { deps, state } = fakeDeps();
    await expect(createHistoryMessageHandlers(deps).linkCopied(copy(link))).rejects.toMatchObject({ reason: 'bad-data' });
    expect(state.history).toEqual([]);
  });

  it('accepts the plain AliExpress link a preset without an account copies', async () => {
    const { deps, state } = fakeDeps();
    await createHistoryMessageHandlers(deps).linkCopied(copy('https://www.aliexpress.com/item/1005006123456789.html'));
    expect(state.history.map((entry) => entry.link)).toEqual(['https://www.aliexpress.com/item/1005006123456789.html']);
  });

  it('records the copy with product id and preset name, newest first', async () => {
    const { deps, state } = fakeDeps();
    const handlers = createHistoryMessageHandlers(deps);
    await handlers.linkCopied(copy('https://a.test/1'));
    await handlers.linkCopied(copy('https://a.test/2'));
    expect(state.history.map((e) => e.link)).toEqual(['https://a.test/2', 'https://a.test/1']);
    expect(state.history[0]).toMatchObject({ presetId: 'p1', presetName: 'Blog', productId: '1005006123456789', surface: 'popup' });
  });

  it('keeps every entry when copies arrive at once', async () => {
    const { deps, state } = fakeDeps();
    const handlers = createHistoryMessageHandlers(deps);
    await Promise.all([1, 2, 3, 4, 5].map((n) => handlers.linkCopied(copy(`https://a.test/${n}`))));
    expect(state.history).toHaveLength(5);
  });

  it('drops the oldest entries past the bound', async () => {
    const old = Array.from({ length: HISTORY_LIMIT }, (_, i): HistoryEntry => ({
      at: i, surface: 'popup', sourceUrl: '', presetId: null, presetName: null, link: `https://old.test/${i}`, productId: null,
    }));
    const { deps, state } = fakeDeps(old);
    await createHistoryMessageHandlers(deps).linkCopied(copy('https://a.test/new'));
    expect(state.history).toHaveLength(HISTORY_LIMIT);
    expect(state.history[0]!.link).toBe('https://a.test/new');
    expect(state.history.at(-1)!.link).toBe(`https://old.test/${HISTORY_LIMIT - 2}`);
  });

  it('remembers the preset as last used when the popup copied', async () => {
    const { deps, state } = fakeDeps();
    await createHistoryMessageHandlers(deps).linkCopied(copy('https://a.test/1'));
    expect(state.settings.lastUsedPresetId).toBe('p1');
  });
});
