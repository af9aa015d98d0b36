import { describe, expect, it } from 'vitest';
import { keepsStorefront, resolveTarget } from '../../../lib/networks';
import { CIS_TARGET_GEO_SEED_002 } from '../../../lib/rates/countries';
import type { Site } from '../../../lib/url/types';

describe('keepsStorefront', () => {
  it.each<{ site: Site; audience: string | null; expected: boolean }>([
    { site: 'us', audience: 'US', expected: true },
    { site: 'us', audience: 'DE', expected: false },
    { site: 'us', audience: null, expected: false },
    { site: 'ru', audience: 'RU', expected: true },
    { site: 'ru', audience: 'KZ', expected: true },
    { site: 'ru', audience: 'UA', expected: false },
    { site: 'ru', audience: 'US', expected: false },
    { site: 'ru', audience: null, expected: false },
    { site: 'com', audience: 'ES', expected: false },
    { site: 'com', audience: 'US', expected: false },
  ])('$site for audience $audience: $expected', ({ site, audience, expected }) => {
    expect(keepsStorefront(site, audience)).toBe(expected);
  });

  it('keeps aliexpress.ru for exactly the CIS countries of seed 002', () => {
    for (const country of CIS_TARGET_GEO_SEED_002) expect(keepsStorefront('ru', country), country).toBe(true);
    const others = ['UA', 'EE', 'LV', 'LT', 'PL', 'DE', 'US', 'CN', 'TR', 'IL'];
    for (const country of others) expect(keepsStorefront('ru', country), country).toBe(false);
  });
});

describe('resolveTarget', () => {
  it.each([
    {
      name: 'es. product, neutral on by default',
      input: 'https://es.aliexpress.com/item/1005006789012345.html',
      options: { keepSku: false, audienceCountry: 'ES' },
      expected: 'https://www.aliexpress.com/item/1005006789012345.html',
    },
    {
      name: 'es. product, neutral off',
      input: 'https://es.aliexpress.com/item/1005006789012345.html',
      options: { keepSku: false, neutralLinks: false, audienceCountry: 'ES' },
      expected: 'https://es.aliexpress.com/item/1005006789012345.html',
    },
    {
      name: 'aliexpress.us product, US audience',
      input: 'https://www.aliexpress.us/item/3256801887502111.html',
      options: { keepSku: false, audienceCountry: 'US' },
      expected: 'https://www.aliexpress.us/item/3256801887502111.html',
    },
    {
      name: 'US id on a German host (a geo redirect), German audience',
      input: 'https://de.aliexpress.com/item/2251832145008144.html?gatewayAdapt=glo2deu',
      options: { keepSku: false, audienceCountry: 'DE' },
      expected: 'https://www.aliexpress.com/item/32331322896.html',
    },
    {
      name: 'a store on a locale host',
      input: 'https://ja.aliexpress.com/store/1101234567',
      options: { keepSku: false, audienceCountry: null },
      expected: 'https://www.aliexpress.com/store/1101234567',
    },
  ])('$name', ({ input, options, expected }) => {
    const actual = resolveTarget(input, options);
    expect(actual.ok && actual.target.url).toBe(expected);
  });
});
