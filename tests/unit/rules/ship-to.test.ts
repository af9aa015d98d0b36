import { describe, expect, it } from 'vitest';
import { resolveShipTo, shipToFromCookie, shipToFromSite } from '../../../lib/rules';

describe('ship-to country', () => {
  it.each([
    { name: 'a plain cookie value', input: 'site=glo&c_tp=USD&region=DE&b_locale=en_US', expected: 'DE' },
    { name: 'a URL-encoded value', input: 'site%3Dglo%26c_tp%3DEUR%26region%3DES%26b_locale%3Des_ES', expected: 'ES' },
    { name: 'a lower-case region', input: 'region=br&site=glo', expected: 'BR' },
    { name: 'no region', input: 'site=glo&c_tp=USD', expected: null },
    { name: 'a region that is not a country code', input: 'region=GERMANY', expected: null },
    { name: 'a malformed escape', input: 'region=DE&x=%E0%A4%A', expected: 'DE' },
    { name: 'no cookie', input: undefined, expected: null },
  ])('reads $name', ({ input, expected }) => {
    expect(shipToFromCookie(input)).toBe(expected);
  });

  it.each([
    { input: 'ru' as const, expected: 'RU' },
    { input: 'us' as const, expected: 'US' },
    { input: 'com' as const, expected: null },
  ])('infers $expected from the $input storefront', ({ input, expected }) => {
    expect(shipToFromSite(input)).toBe(expected);
  });

  it.each([
    { name: 'the cookie over the site', input: { cookieValue: 'region=DE', site: 'ru' as const }, expected: { country: 'DE', from: 'cookie' } },
    { name: 'the site without a cookie', input: { cookieValue: null, site: 'ru' as const }, expected: { country: 'RU', from: 'site' } },
    { name: 'nothing on .com without a cookie', input: { site: 'com' as const }, expected: null },
  ])('resolves $name', ({ input, expected }) => {
    expect(resolveShipTo(input)).toEqual(expected);
  });
});
