import { describe, expect, it } from 'vitest';
import { isLinkToKnownHost } from '../../../lib/networks';
import type { Account } from '../../../lib/networks/types';

const accounts: Account[] = [
  { id: 'a', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' },
  { id: 'e', network: 'epn', name: 'ePN', host: 'ShopNow.pub', code: '0123456789abcdef0123456789abcdef' },
  { id: 'c', network: 'custom', name: 'Other', template: 'https://go.example.net/c?u={url_encoded}' },
  { id: 'p', network: 'portals', name: 'Portals', appKey: '512345', trackingId: '' },
];

describe('isLinkToKnownHost', () => {
  it.each([
    { input: 'https://ad.admitad.com/g/1e8d114494b7e165239416525dc3e8/?ulp=x', expected: true },
    { input: 'https://shopnow.pub/redirect/cpa/o/abc/?to=x', expected: true },
    { input: 'https://go.example.net/c?u=x', expected: true },
    { input: 'https://s.click.aliexpress.com/e/_DdNkq3x', expected: true },
    { input: 'https://www.aliexpress.com/item/1005001.html', expected: true },
    { input: 'javascript:alert(1)', expected: false },
    { input: 'JAVASCRIPT:alert(document.cookie)//https://ad.admitad.com/', expected: false },
    { input: 'data:text/html,<script>alert(1)</script>', expected: false },
    { input: 'http://ad.admitad.com/g/x/', expected: false },
    { input: 'https://attacker.example/?ulp=https://ad.admitad.com', expected: false },
    { input: 'https://ad.admitad.com@attacker.example/', expected: false },
    { input: 'https://user:pw@ad.admitad.com/g/x/', expected: false },
    { input: 'https://ad.admitad.com.attacker.example/g/x/', expected: false },
    { input: 'not a link', expected: false },
    { input: '', expected: false },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(isLinkToKnownHost(input, accounts)).toBe(expected);
  });

  it('knows only the hosts of the accounts the user has', () => {
    expect(isLinkToKnownHost('https://shopnow.pub/redirect/cpa/o/abc/?to=x', [])).toBe(false);
    expect(isLinkToKnownHost('https://www.aliexpress.com/item/1005001.html', [])).toBe(true);
  });
});
