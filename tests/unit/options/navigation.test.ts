import { describe, expect, it } from 'vitest';
import { createNavigationModel, OPTIONS_PAGES, OPTIONS_SECTIONS, pageOfSection, routeForHash } from '@/lib/options/navigation';

describe('routeForHash', () => {
  it.each([
    { input: '', expected: { page: 'links', section: null } },
    { input: '#', expected: { page: 'links', section: null } },
    { input: '#links', expected: { page: 'links', section: null } },
    { input: '#accounts', expected: { page: 'accounts', section: null } },
    { input: 'sources', expected: { page: 'sources', section: null } },
    { input: '#PRIVACY', expected: { page: 'privacy', section: null } },
    { input: '#presets', expected: { page: 'accounts', section: 'presets' } },
    { input: '#api', expected: { page: 'sources', section: 'api' } },
    { input: '#backup', expected: { page: 'privacy', section: 'backup' } },
    // The single-column page's section and heading ids still land on their section.
    { input: '#history', expected: { page: 'links', section: 'history' } },
    { input: '#history-heading', expected: { page: 'links', section: 'history' } },
    { input: '#accounts-heading', expected: { page: 'accounts', section: 'network-accounts' } },
    { input: '#credentials', expected: { page: 'sources', section: 'api' } },
    { input: '#transfer-heading', expected: { page: 'privacy', section: 'backup' } },
    { input: '#privacy-heading', expected: { page: 'privacy', section: 'your-data' } },
    { input: '#no-such-thing', expected: { page: 'links', section: null } },
    { input: '#%E2%9C%93', expected: { page: 'links', section: null } },
    { input: '#%E2', expected: { page: 'links', section: null } },
  ])('$input opens $expected.page', ({ input, expected }) => {
    const actual = routeForHash(input);
    expect({ page: actual.page, section: actual.section?.id ?? null }).toEqual(expected);
  });

  it('gives every section one page, and no hash two meanings', () => {
    const hashes = OPTIONS_PAGES.flatMap((page) => [page, ...OPTIONS_SECTIONS[page].flatMap((s) => [s.id, s.headingId, ...(s.aliases ?? [])])]);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const page of OPTIONS_PAGES) for (const section of OPTIONS_SECTIONS[page]) expect(pageOfSection(section.id)).toBe(page);
  });
});

describe('createNavigationModel', () => {
  it('follows the hash, counting changes after the first route', () => {
    let hash = '#sources';
    let listener = () => {};
    const model = createNavigationModel({ readHash: () => hash, onHashChange: (l) => ((listener = l), () => undefined) });
    expect(model.route.value.page).toBe('sources');
    expect(model.changes.value).toBe(0);

    hash = '#presets';
    listener();
    expect(model.route.value).toMatchObject({ page: 'accounts', section: { id: 'presets' } });
    expect(model.changes.value).toBe(1);

    hash = '#accounts';
    model.follow();
    expect(model.route.value).toEqual({ page: 'accounts', section: null });
  });
});
