import { describe, expect, it } from 'vitest';
import { assessLink, computeInsights, createEstimateDataReader, storeKindFromUrl } from '@/lib/insights';
import type { Preset, ProgramId } from '@/lib/presets/types';
import type { AccountNetwork } from '@/lib/networks/types';
import { parseProductUrl } from '@/lib/url';

const NOW = new Date('2025-06-01T12:00:00Z');
const ID = '1005006789012345';

describe('storeKindFromUrl: seed 004 names Tmall and Plaza by their hosts', () => {
  it.each([
    { input: `https://tmall.aliexpress.com/item/${ID}.html`, expected: 'tmall' },
    { input: `https://PLAZA.aliexpress.com/item/${ID}.html?spm=x`, expected: 'plaza' },
    { input: '//tmall.aliexpress.com/', expected: 'tmall' },
    { input: `https://www.aliexpress.com/item/${ID}.html`, expected: null },
    { input: `https://tmall.aliexpress.com.evil.test/item/${ID}.html`, expected: null },
    { input: `https://example.com/?u=https://tmall.aliexpress.com/item/${ID}.html`, expected: null },
    { input: 42, expected: null },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(storeKindFromUrl(input)).toBe(expected);
  });
});

describe('a Tmall or Plaza URL reaches the store rules (seeds 001, 004)', () => {
  it.each<{ name: string; url: string; program: ProgramId; network: AccountNetwork | null; country: string; expected: Record<string, string> }>([
    {
      name: 'EU/Benelux, Tmall: earns nothing',
      url: `https://tmall.aliexpress.com/item/${ID}.html`,
      program: 'eu-benelux',
      network: 'custom',
      country: 'NL',
      expected: { storeExcluded: 'blocking' },
    },
    { name: 'EU/Benelux, Plaza: earns nothing', url: `https://plaza.aliexpress.com/item/${ID}.html`, program: 'eu-benelux', network: 'custom', country: 'NL', expected: { storeExcluded: 'blocking' } },
    {
      name: 'WW, Tmall: out only if delivered from Russia',
      url: `https://tmall.aliexpress.com/item/${ID}.html`,
      program: 'ww',
      network: 'epn',
      country: 'RU',
      expected: { tmallFromRussia: 'costly' },
    },
    { name: 'EU/Benelux, the same product on www: no store warning', url: `https://www.aliexpress.com/item/${ID}.html`, program: 'eu-benelux', network: 'custom', country: 'NL', expected: {} },
  ])('$name', ({ url, program, network, country, expected }) => {
    const actual = assessLink({ url, program, network, audienceCountry: country, product: { affiliate: true }, now: NOW });
    const storeWarnings = Object.fromEntries(actual.warnings.filter((w) => ['storeExcluded', 'tmallFromRussia', 'noCommissionStore'].includes(w.code)).map((w) => [w.code, w.rank]));
    expect(storeWarnings).toEqual(expected);
  });

  it('what the caller knows wins over the host', () => {
    const actual = assessLink({ url: `https://tmall.aliexpress.com/item/${ID}.html`, program: 'ww', network: 'epn', audienceCountry: 'DE', product: { storeKind: 'noCommission' }, now: NOW });
    expect(actual.warnings.map((w) => w.code)).toContain('noCommissionStore');
    expect(actual.warnings.map((w) => w.code)).not.toContain('tmallFromRussia');
  });

  it('the popup and the badge read it from the URL they show (computeInsights)', () => {
    const preset: Preset = { id: 'p', name: 'NL', accountId: null, program: 'eu-benelux', audienceCountry: 'NL', subIds: {}, keepSku: false };
    const url = `https://tmall.aliexpress.com/item/${ID}.html`;
    const data = createEstimateDataReader()({});
    const actual = computeInsights({ parsed: parseProductUrl(url), preset, data, shipToCookie: null, now: NOW, sourceUrl: url });
    expect(actual.warnings.find((w) => w.code === 'storeExcluded')?.rank).toBe('blocking');
    expect(actual.estimate.rate).toEqual({ min: 0, max: 0 });
    const withoutUrl = computeInsights({ parsed: parseProductUrl(url), preset, data, shipToCookie: null, now: NOW });
    expect(withoutUrl.warnings.map((w) => w.code)).not.toContain('storeExcluded');
  });
});
