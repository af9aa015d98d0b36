import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineStoredItem, definitionProblems, migrateStoredValue, readKeysOf, storedEntries, storedValueOf, storedVersionOf } from '@/lib/storage/item';
import { apiCacheItem, LOCAL_ITEMS, menusBuiltItem } from '@/lib/storage/items';
import { LAYOUT_VERSION_KEY, migrateLayoutV1ToV2, planStorageUpgrade, upgradeStoredData } from '@/lib/storage/upgrade';
import { createLocalStore } from '@/lib/storage/local';
import { localArea, sessionArea } from '@/lib/storage/area';
import { ESTIMATE_STORAGE_KEYS, STATE_STORAGE_KEYS } from '@/lib/storage/keys';
import { presetSchema } from '@/lib/presets/schema';
import { createMenusBuiltMarker } from '@/lib/storage/session';
import type { Preset } from '@/lib/presets/types';

const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };

describe('migrateLayoutV1ToV2: the global storageVersion gives way to per-item versions', () => {
  it.each([
    {
      name: 'layout 1: the global version goes, every value stays as stored',
      input: { storageVersion: 1, presets: [preset], settings: { defaultPresetId: 'p1', lastUsedPresetId: null } },
      expected: { presets: [preset], settings: { defaultPresetId: 'p1', lastUsedPresetId: null } },
    },
    { name: 'a fresh install (nothing stored)', input: {}, expected: {} },
    { name: 'already layout 2 (no global version)', input: { presets: [preset] }, expected: { presets: [preset] } },
    {
      name: 'a global version Sublink never wrote is left alone, not guessed at',
      input: { storageVersion: 7, presets: [preset] },
      expected: { storageVersion: 7, presets: [preset] },
    },
  ])('$name', ({ input, expected }) => {
    const actual = migrateLayoutV1ToV2(input);
    expect(actual).toEqual(expected);
  });

  it('plans the removal of the global key and nothing else while every item is at version 1', () => {
    expect(LOCAL_ITEMS.every((item) => item.version === 1)).toBe(true);
    const actual = planStorageUpgrade({ [LAYOUT_VERSION_KEY]: 1 });
    expect(actual).toEqual({ set: {}, remove: ['storageVersion'] });
  });

  it('saves no longer write a global version', async () => {
    const store = createLocalStore(localArea());
    await store.savePresets([preset]);
    await store.saveSettings({ defaultPresetId: 'p1', lastUsedPresetId: null });
    const actual = await fakeBrowser.storage.local.get(null);
    expect(actual).not.toHaveProperty('storageVersion');
    expect(Object.keys(actual).sort()).toEqual(['presets', 'settings']);
  });
});

describe('defineStoredItem: versions and migrations', () => {
  // A list item at version 3, to drive the mechanism every item uses. Version 1 stored names,
  // version 2 objects, version 3 added a flag; both migrations pass unknown entries through.
  const migrateNamesV1ToV2 = (raw: unknown) => (Array.isArray(raw) ? raw.map((entry) => (typeof entry === 'string' ? { name: entry } : entry)) : raw);
  const migrateNamesV2ToV3 = (raw: unknown) =>
    Array.isArray(raw) ? raw.map((entry) => (typeof entry === 'object' && entry !== null && !('on' in entry) ? { ...entry, on: true } : entry)) : raw;
  const names = defineStoredItem({ key: 'local:names', version: 3, migrations: { 2: migrateNamesV1ToV2, 3: migrateNamesV2ToV3 } });

  it('names its area, key and WXT-style version key', () => {
    expect({ area: names.area, key: names.key, metaKey: names.metaKey, readKeys: names.readKeys }).toEqual({
      area: 'local',
      key: 'names',
      metaKey: 'names$',
      readKeys: ['names', 'names$'],
    });
    expect(menusBuiltItem).toMatchObject({ area: 'session', key: 'menusBuilt', readKeys: ['menusBuilt'] });
  });

  it('finds a definition whose migrations do not reach its version', () => {
    expect(definitionProblems(defineStoredItem({ key: 'local:gap', version: 3, migrations: { 3: (raw) => raw } }))).toEqual(['gap: no migration to version 2']);
    expect(definitionProblems(defineStoredItem({ key: 'local:zero', version: 0 }))).toEqual(['zero: the version must be a whole number from 1']);
    expect(definitionProblems(names)).toEqual([]);
  });

  it.each([...LOCAL_ITEMS, menusBuiltItem, apiCacheItem])('$area:$key has a migration to each of its versions', (item) => {
    expect(definitionProblems(item)).toEqual([]);
  });

  it.each([
    { name: 'no version stored: version 1', input: { names: ['a'] }, expected: 1 },
    { name: 'a stored version', input: { names: [], names$: { v: 2 } }, expected: 2 },
    { name: 'a damaged version record reads as 1', input: { names: [], names$: { v: 'two' } }, expected: 1 },
  ])('the stored version: $name', ({ input, expected }) => {
    expect(storedVersionOf(names, input)).toBe(expected);
  });

  it.each([
    { name: 'from version 1 (the old raw value)', input: { names: ['a', 'b'] }, expected: [{ name: 'a', on: true }, { name: 'b', on: true }] },
    { name: 'from version 2', input: { names: [{ name: 'a' }], names$: { v: 2 } }, expected: [{ name: 'a', on: true }] },
    { name: 'current', input: { names: [{ name: 'a', on: false }], names$: { v: 3 } }, expected: [{ name: 'a', on: false }] },
    { name: 'from a newer version: as stored', input: { names: [{ name: 'a', colour: 'red' }], names$: { v: 9 } }, expected: [{ name: 'a', colour: 'red' }] },
    { name: 'nothing stored', input: {}, expected: undefined },
    { name: 'an entry no migration knows passes through', input: { names: ['a', 42] }, expected: [{ name: 'a', on: true }, 42] },
  ])('migrates on read: $name', ({ input, expected }) => {
    const actual = storedValueOf(names, input);
    expect(actual).toEqual(expected);
  });

  it('runs each migration once, in order', () => {
    expect(migrateStoredValue(names, ['a'], 2)).toEqual(['a']);
    expect(migrateStoredValue(names, [{ name: 'a' }], 2)).toEqual([{ name: 'a', on: true }]);
  });

  it('writes the version beside the value once the item has more than one', () => {
    expect(storedEntries(names, [])).toEqual({ names: [], names$: { v: 3 } });
    expect(storedEntries(menusBuiltItem, '[]')).toEqual({ menusBuilt: '[]' });
  });

  it('the upgrade writes a migrated value back with its version, keeping what it cannot read', async () => {
    const area = localArea();
    await fakeBrowser.storage.local.set({ names: ['a', 42], storageVersion: 1, untouched: ['b'] });
    await upgradeStoredData(area, [...LOCAL_ITEMS, names]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ names: [{ name: 'a', on: true }, 42], names$: { v: 3 }, untouched: ['b'] });
    expect(storedValueOf(names, await area.get(names.readKeys))).toEqual([{ name: 'a', on: true }, 42]);
    // Run again (a second update): a current value is not migrated twice.
    await upgradeStoredData(area, [...LOCAL_ITEMS, names]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ names: [{ name: 'a', on: true }, 42], names$: { v: 3 }, untouched: ['b'] });
  });

  it('a version 1 item is read with its key alone: the popup reads the same keys as before', () => {
    expect(STATE_STORAGE_KEYS).toEqual(['accounts', 'presets', 'settings']);
    expect(ESTIMATE_STORAGE_KEYS).toEqual(['rateCache', 'hotList', 'categoryPicks', 'productFacts']);
    expect(readKeysOf([names, menusBuiltItem])).toEqual(['names', 'names$', 'menusBuilt']);
  });
});

describe('saving a list keeps entries it cannot read after migrating', () => {
  it('carries over an unreadable preset from a newer version, and writes no global version', async () => {
    const unreadable = { id: 'p9', name: 'From a newer version', program: 'future' };
    await fakeBrowser.storage.local.set({ presets: [preset, unreadable], storageVersion: 1 });
    await upgradeStoredData(localArea());
    const store = createLocalStore(localArea());
    await store.savePresets([{ ...preset, name: 'Blog 2' }]);
    const actual = await fakeBrowser.storage.local.get(null);
    expect(actual).toEqual({ presets: [{ ...preset, name: 'Blog 2' }, unreadable] });
    expect(presetSchema.safeParse(unreadable).success).toBe(false);
  });
});

describe('the built-menu marker in storage.session', () => {
  it('stores, reads and clears the built menu; without a session area it keeps it in memory', async () => {
    for (const marker of [createMenusBuiltMarker(sessionArea()), createMenusBuiltMarker(undefined)]) {
      expect(await marker.read()).toBeUndefined();
      await marker.write('[{"id":"copy"}]');
      expect(await marker.read()).toBe('[{"id":"copy"}]');
      await marker.write(undefined);
      expect(await marker.read()).toBeUndefined();
    }
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
