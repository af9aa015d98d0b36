import { describe, expect, it } from 'vitest';
import { historyEntrySchema, historyTitle, MAX_HISTORY_TITLE, type HistoryEntry } from '@/lib/storage/history';

/** An entry as the first releases stored it: no title, network, program or sub-ids. */
const OLD_ENTRY = {
  at: 1_764_700_000_000,
  surface: 'context-menu',
  sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html',
  presetId: 'p1',
  presetName: 'Blog',
  link: 'https://ad.admitad.com/g/code/?ulp=x&subid=blog',
  productId: '1005006123456789',
  id: 'a1',
};

describe('historyTitle', () => {
  it.each([
    { name: 'a plain title', input: 'Xiaomi Redmi Note 13', expected: 'Xiaomi Redmi Note 13' },
    { name: 'white space collapsed', input: '  Phone\n\tcase  ', expected: 'Phone case' },
    { name: 'control characters out', input: 'Phone\u0000case\u0007', expected: 'Phone case' },
    { name: 'bidi overrides out (they would reorder the list)', input: 'Case \u202Egnp.exe\u202C', expected: 'Case gnp.exe' },
    { name: 'emoji sequences kept', input: 'Toy 👩‍👩‍👧', expected: 'Toy 👩‍👩‍👧' },
    { name: 'only white space', input: ' \u200e ', expected: undefined },
    { name: 'not text', input: 42, expected: undefined },
  ])('$name', ({ input, expected }) => {
    expect(historyTitle(input)).toBe(expected);
  });

  it('cuts a long title to the bound, with a marker', () => {
    const actual = historyTitle('x'.repeat(MAX_HISTORY_TITLE + 50))!;
    expect(actual).toHaveLength(MAX_HISTORY_TITLE);
    expect(actual.endsWith('…')).toBe(true);
  });
});

describe('history entries with a title and what the link was built with', () => {
  it('reads an entry from before these fields exactly as it was (no migration needed: they are optional)', () => {
    expect(historyEntrySchema.parse(OLD_ENTRY)).toEqual(OLD_ENTRY);
  });

  it('reads the new fields', () => {
    const input: HistoryEntry = {
      ...(OLD_ENTRY as HistoryEntry),
      title: 'Phone case',
      network: 'admitad',
      program: 'ww',
      subIds: { subid: 'blog', subid4: 'spring sale' },
      tracking: { af: 'site1' },
    };
    expect(historyEntrySchema.parse(input)).toEqual(input);
  });

  it.each([
    { name: 'a title that is not text', field: { title: 7 } },
    { name: 'an unknown network', field: { network: 'clickbank' } },
    { name: 'an unknown program', field: { program: 'mars' } },
    { name: 'sub-ids that are not an object', field: { subIds: 'blog' } },
  ])('drops $name and keeps the entry', ({ field }) => {
    const actual = historyEntrySchema.safeParse({ ...OLD_ENTRY, ...field });
    expect(actual.success).toBe(true);
    expect(actual.success && actual.data).toEqual(OLD_ENTRY);
  });

  it('drops one unreadable sub-id and keeps the others', () => {
    const actual = historyEntrySchema.parse({ ...OLD_ENTRY, subIds: { subid: 'blog', subid1: 5 } });
    expect(actual.subIds).toEqual({ subid: 'blog' });
  });

  it('cleans a stored title as it reads it', () => {
    expect(historyEntrySchema.parse({ ...OLD_ENTRY, title: ' Phone\u202E case ' }).title).toBe('Phone case');
  });
});
