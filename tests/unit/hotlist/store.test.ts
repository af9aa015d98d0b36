import { describe, expect, it } from 'vitest';
import {
  EMPTY_HOT_LIST,
  hotSourceFromEntries,
  hotStatus,
  parseHotList,
  parseHotListStore,
  putHotSource,
  removeHotSource,
  type HotListStore,
} from '../../../lib/hotlist';

const ID_A = '1005006789012345';
const ID_B = '1005001234567890';
const ID_C = '4000123456789';
const AT = '2025-06-01T10:00:00.000Z';

const imported = hotSourceFromEntries(
  [
    { productId: ID_A, ratePct: 12 },
    { productId: ID_C, ratePct: null },
    { productId: ID_B, ratePct: 7 },
    { productId: ID_B, ratePct: 9 },
  ],
  { id: 'import', label: 'hot.csv', updatedAt: AT },
);

describe('hot-list store', () => {
  it('keeps ids sorted and unique, with their rates aligned', () => {
    expect(imported).toEqual({ id: 'import', label: 'hot.csv', updatedAt: AT, ids: [ID_B, ID_A, ID_C], rates: [9, 12, null] });
  });

  it.each([
    { name: 'a listed product with a rate', input: ID_A, expected: { hot: true, ratePct: 12, sourceId: 'import', label: 'hot.csv', updatedAt: AT } },
    { name: 'a listed product without a rate', input: ID_C, expected: { hot: true, ratePct: null, sourceId: 'import', label: 'hot.csv', updatedAt: AT } },
    { name: 'a product not in the list', input: '1005000000000001', expected: { hot: false } },
    { name: 'a prefix of a listed id', input: ID_A.slice(0, 10), expected: { hot: false } },
  ])('hotStatus: $name', ({ input, expected }) => {
    const actual = hotStatus(input, putHotSource(EMPTY_HOT_LIST, imported));
    expect(actual).toEqual(expected);
  });

  it('finds every id of a large list (binary search over the stored order)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => String(1005000000000000 + i * 7919));
    const store = putHotSource(EMPTY_HOT_LIST, hotSourceFromEntries(ids.map((productId) => ({ productId, ratePct: 10 })), { id: 'import', label: 'big', updatedAt: AT }));
    const actual = ids.filter((id) => !hotStatus(id, store).hot);
    expect(actual).toEqual([]);
  });

  it('prefers a source with a rate, then the newer one', () => {
    const live = hotSourceFromEntries([{ productId: ID_C, ratePct: 20 }], { id: 'api', label: 'Open Platform', updatedAt: '2025-06-02T00:00:00.000Z' });
    const older = hotSourceFromEntries([{ productId: ID_A, ratePct: 30 }], { id: 'api', label: 'Open Platform', updatedAt: '2025-05-01T00:00:00.000Z' });
    const withLive = putHotSource(putHotSource(EMPTY_HOT_LIST, imported), live);
    expect(hotStatus(ID_C, withLive)).toMatchObject({ ratePct: 20, sourceId: 'api' });
    const withOlder = putHotSource(putHotSource(EMPTY_HOT_LIST, imported), older);
    expect(hotStatus(ID_A, withOlder)).toMatchObject({ ratePct: 12, sourceId: 'import' });
  });

  it('replaces a source by id and removes one', () => {
    const again = hotSourceFromEntries([{ productId: ID_B, ratePct: 1 }], { id: 'import', label: 'new.csv', updatedAt: AT });
    const store = putHotSource(putHotSource(EMPTY_HOT_LIST, imported), again);
    expect(store.sources.map((s) => s.label)).toEqual(['new.csv']);
    expect(removeHotSource(store, 'import')).toEqual(EMPTY_HOT_LIST);
  });

  it('goes from a file to a lookup in three calls', () => {
    const parsed = parseHotList(`product_id,hot_product_commission_rate\n${ID_A},12.0%\n`);
    if (!parsed.ok) throw new Error('expected ok');
    const store = putHotSource(EMPTY_HOT_LIST, hotSourceFromEntries(parsed.entries, { id: 'import', label: 'hot.csv', updatedAt: AT }));
    expect(hotStatus(ID_A, store)).toMatchObject({ hot: true, ratePct: 12 });
  });
});

describe('parseHotListStore (the stored shape, read without zod)', () => {
  const good: HotListStore = { v: 1, sources: [imported] };

  it('reads back what was stored, through JSON', () => {
    const actual = parseHotListStore(JSON.parse(JSON.stringify(good)));
    expect(actual).toEqual({ store: good, problems: [] });
  });

  it('reads nothing stored as an empty list', () => {
    expect(parseHotListStore(undefined)).toEqual({ store: EMPTY_HOT_LIST, problems: [] });
  });

  it.each([
    { name: 'unsorted ids (the search would miss products)', source: { ...imported, ids: [ID_A, ID_B, ID_C] }, expected: 'ids.1' },
    { name: 'a duplicate id', source: { ...imported, ids: [ID_B, ID_B, ID_C] }, expected: 'ids.1' },
    { name: 'an id with letters', source: { ...imported, ids: [ID_B, 'x', ID_C] }, expected: 'ids.1' },
    { name: 'fewer rates than ids', source: { ...imported, rates: [9] }, expected: 'rates' },
    { name: 'a rate above 100%', source: { ...imported, rates: [9, 120, null] }, expected: 'rates.1' },
    { name: 'a missing date', source: { ...imported, updatedAt: 'yesterday' }, expected: 'updatedAt' },
    { name: 'not an object', source: 'hot', expected: '' },
  ])('drops a source with $name and keeps the others', ({ source, expected }) => {
    const other = hotSourceFromEntries([{ productId: ID_A, ratePct: 5 }], { id: 'api', label: 'live', updatedAt: AT });
    const actual = parseHotListStore({ v: 1, sources: [source, other] });
    expect(actual.store.sources).toEqual([other]);
    expect(actual.problems).toEqual([expect.objectContaining({ index: 0, path: expected })]);
  });

  it.each([
    { name: 'another version', input: { v: 2, sources: [] } },
    { name: 'a list', input: [] },
    { name: 'sources not a list', input: { v: 1, sources: {} } },
  ])('refuses $name', ({ input }) => {
    const actual = parseHotListStore(input);
    expect(actual.store).toEqual(EMPTY_HOT_LIST);
    expect(actual.problems).toHaveLength(1);
  });
});
