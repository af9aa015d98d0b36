/**
 * Settings sync between two browser profiles, with a stand-in for `storage.sync` that both share
 * (Chromium does not sync offline): a preset made in one appears in the other, deletions follow,
 * the last change wins per preset and is shown, quotas are said in words, and no secret is ever
 * written to sync.
 */
import { describe, expect, it } from 'vitest';
import { createSettingsSync } from '@/lib/background/sync';
import type { StorageArea } from '@/lib/storage/area';
import { createLocalStore } from '@/lib/storage/local';
import { createSyncStateStore, SYNC_PREFIX, SYNC_QUOTA, syncEntriesProblems } from '@/lib/storage/sync';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';

function memoryArea(onSet?: (items: Record<string, unknown>) => void): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) => Object.fromEntries([...(keys === null ? data.keys() : typeof keys === 'string' ? [keys] : keys)].filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])),
    set: async (items) => {
      onSet?.(structuredClone(items));
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (keys) => void (typeof keys === 'string' ? [keys] : keys).forEach((k) => data.delete(k)),
  };
}

const SECRETS = ['abcdef0123456789abcdef0123456789', 'secretsecretsecretsecretsecret'];
const apiCredentials = {
  v: 1,
  aliexpress: { appKey: '500123', appSecret: SECRETS[0], trackingId: 'blog_main' },
  admitad: { clientId: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3', clientSecret: SECRETS[1], websiteId: '123456', campaignId: '6115' },
};
const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false, post: { text: '{title}\n{link}', disclosure: true } };

/** One browser profile: its own storage.local, the shared sync stand-in, its own clock. */
function profile(sync: StorageArea, name: string, clock: { t: number }) {
  const local = memoryArea();
  const store = createLocalStore(local);
  let ids = 0;
  const engine = createSettingsSync({
    loadState: store.loadState,
    savePresets: store.savePresets,
    saveAccounts: store.saveAccounts,
    saveSettings: store.saveSettings,
    sync,
    state: createSyncStateStore(local),
    now: () => clock.t,
    newId: () => `${name}-device-${++ids}`,
  });
  return { local, store, engine, state: () => createSyncStateStore(local).load() };
}

function twoProfiles() {
  const written: { key: string; value: unknown }[] = [];
  const sync = memoryArea((items) => written.push(...Object.entries(items).map(([key, value]) => ({ key, value }))));
  const clock = { t: 1_000 };
  return { sync, written, clock, a: profile(sync, 'a', clock), b: profile(sync, 'b', clock) };
}

describe('settings sync between two profiles', () => {
  it('a preset made in one appears in the other, with its account, template and the default; a deletion follows', async () => {
    const { a, b, sync } = twoProfiles();
    await a.local.set({ apiCredentials, accounts: [admitad], presets: [blog], settings: { defaultPresetId: 'p1', lastUsedPresetId: null } });
    await a.engine.setEnabled(true);
    await b.engine.setEnabled(true);

    expect((await b.store.loadState()).presets).toEqual([blog]);
    expect((await b.store.loadState()).accounts).toEqual([admitad]);
    expect((await b.store.loadState()).settings.defaultPresetId).toBe('p1');

    const video: Preset = { ...blog, id: 'p2', name: 'Video', post: { text: '🎬 {link}', disclosure: false } };
    await a.store.savePresets([blog, video]);
    await a.engine.reconcile();
    await b.engine.reconcile();
    expect((await b.store.loadState()).presets).toEqual([blog, video]);

    await b.store.savePresets([video]);
    await b.engine.reconcile();
    await a.engine.reconcile();
    expect((await a.store.loadState()).presets).toEqual([video]);
    expect([...sync.data.keys()].sort()).toEqual(['sublink:a:acc1', 'sublink:p:p2', 'sublink:settings']);
  });

  it('the last change to a preset wins, and the browser whose change lost shows it', async () => {
    const { a, b, clock } = twoProfiles();
    await a.local.set({ accounts: [admitad], presets: [blog] });
    await a.engine.setEnabled(true);
    await b.engine.setEnabled(true);

    // Both edit Blog before either hears of the other's change; B's is the later one.
    clock.t = 5_000;
    await a.store.savePresets([{ ...blog, name: 'Blog (A)' }]);
    await a.engine.reconcile();
    clock.t = 6_000;
    await b.store.savePresets([{ ...blog, name: 'Blog (B)' }]);
    await b.engine.reconcile();
    await a.engine.reconcile();

    expect((await a.store.loadState()).presets.map((p) => p.name)).toEqual(['Blog (B)']);
    expect((await b.store.loadState()).presets.map((p) => p.name)).toEqual(['Blog (B)']);
    expect((await a.state())?.replaced).toEqual([{ presetId: 'p1', name: 'Blog (B)', at: 6_000 }]);
    expect((await b.state())?.replaced).toEqual([]);
  });

  it('never writes a secret, nor any key outside its own, to sync', async () => {
    const { a, b, written } = twoProfiles();
    await a.local.set({ apiCredentials, accounts: [admitad], presets: [blog], settings: { defaultPresetId: 'p1', lastUsedPresetId: 'p1', badgeOptIn: true } });
    await a.engine.setEnabled(true);
    await b.local.set({ apiCredentials });
    await b.engine.setEnabled(true);
    await a.store.savePresets([{ ...blog, name: 'Blog 2' }]);
    await a.engine.reconcile();

    expect(written.length).toBeGreaterThan(0);
    for (const { key, value } of written) {
      expect(key.startsWith(SYNC_PREFIX), `${key} is not a sync key of Sublink's`).toBe(true);
      const text = JSON.stringify(value);
      for (const secret of SECRETS) expect(text.includes(secret), `${key} holds a secret`).toBe(false);
      expect(text).not.toMatch(/appSecret|clientSecret|apiCredentials|badgeOptIn|lastUsedPresetId/);
    }
  });

  it('turning sync off stops it; turning it on again merges without losing anything', async () => {
    const { a, b } = twoProfiles();
    await a.local.set({ accounts: [admitad], presets: [blog] });
    await a.engine.setEnabled(true);
    await b.engine.setEnabled(true);
    await b.engine.setEnabled(false);
    const video: Preset = { ...blog, id: 'p2', name: 'Video' };
    await a.store.savePresets([blog, video]);
    await a.engine.reconcile();
    await b.engine.reconcile();
    expect((await b.store.loadState()).presets.map((p) => p.id)).toEqual(['p1']);
    await b.engine.setEnabled(true);
    expect((await b.store.loadState()).presets.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});

describe('sync quotas', () => {
  const template = (i: number) => ({ text: `{link}\n${String(i).repeat(1)}${'x'.repeat(1990)}`, disclosure: true });

  it.each([
    {
      name: 'more than 102,400 bytes in all: "full", and nothing is written',
      presets: Array.from({ length: 60 }, (_, i): Preset => ({ ...blog, id: `p${i}`, name: `Preset ${i}`, post: template(i) })),
      expected: 'full',
    },
    {
      name: 'more than 512 items: "too-many", and nothing is written',
      presets: Array.from({ length: 520 }, (_, i): Preset => ({ id: `p${i}`, name: `P${i}`, accountId: null, program: 'ww', audienceCountry: null, subIds: {}, keepSku: false })),
      expected: 'too-many',
    },
  ])('$name', async ({ presets, expected }) => {
    const { a, sync } = twoProfiles();
    await a.local.set({ presets });
    await a.engine.setEnabled(true);
    expect((await a.state())?.lastError).toMatchObject({ kind: expected });
    expect(sync.data.size).toBe(0);
    // Fewer presets: the next round writes, and the error is gone.
    await a.store.savePresets(presets.slice(0, 5));
    await a.engine.reconcile();
    expect((await a.state())?.lastError).toBeNull();
    expect([...sync.data.keys()].filter((key) => key.startsWith('sublink:p:'))).toHaveLength(5);
  });

  it.each([
    { name: 'an item past 8,192 bytes', input: { 'sublink:p:x': { value: 'y'.repeat(SYNC_QUOTA.bytesPerItem) } }, expected: [{ kind: 'item-too-large', key: 'sublink:p:x' }] },
    { name: 'a key that is not Sublink\'s', input: { apiCredentials: {} }, expected: [{ kind: 'foreign-key', key: 'apiCredentials' }] },
    { name: 'a small item', input: { 'sublink:p:x': { value: 1 } }, expected: [] },
  ])('syncEntriesProblems: $name', ({ input, expected }) => {
    const actual = syncEntriesProblems(input);
    expect(actual).toMatchObject(expected);
  });

  it('the browser refusing a write is kept as the error, and what was agreed is not advanced', async () => {
    const { a } = twoProfiles();
    const refusing = memoryArea();
    refusing.set = async () => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    };
    const engine = createSettingsSync({
      loadState: a.store.loadState,
      savePresets: a.store.savePresets,
      saveAccounts: a.store.saveAccounts,
      saveSettings: a.store.saveSettings,
      sync: refusing,
      state: createSyncStateStore(a.local),
      now: () => 1,
      newId: () => 'device',
    });
    await a.local.set({ presets: [blog] });
    const actual = await engine.setEnabled(true);
    expect(actual.lastError).toEqual({ kind: 'browser', message: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    expect(actual.agreed).toEqual({});
  });
});
