import { describe, expect, it } from 'vitest';
import { admitadNetwork } from '../../../lib/networks/admitad';
import { epnNetwork } from '../../../lib/networks/epn';
import { readPastedAccount, type PastedAccount } from '../../../lib/networks/paste';
import type { Account, AccountOf } from '../../../lib/networks/types';

// Made-up codes in each network's format (lib/networks/admitad.ts, epn.ts).
const ADMITAD_CODE = '1e8d114494b7e165239416525dc3e8';
const EPN_CODE = 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7';
const ULP = encodeURIComponent('https://www.aliexpress.com/item/1005006789012345.html');

const admitad = (code: string): AccountOf<'admitad'> => ({ id: 'a1', network: 'admitad', name: 'Main', code });
const epn = (host: string, code: string): AccountOf<'epn'> => ({ id: 'e1', network: 'epn', name: 'ePN', host, code });

describe('readPastedAccount: Admitad', () => {
  it.each<{ name: string; input: string; expected: PastedAccount }>([
    // The ad-space link as Admitad's ad space page shows it (docs/architecture.md, 'Domain facts').
    { name: 'the ad-space link', input: `https://ad.admitad.com/g/${ADMITAD_CODE}/`, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'without the closing slash', input: `https://ad.admitad.com/g/${ADMITAD_CODE}`, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    {
      name: 'a whole deeplink, with ulp and sub-ids after the code',
      input: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${ULP}&subid=blog`,
      expected: { account: admitad(ADMITAD_CODE), issues: [] },
    },
    { name: 'a path after the code', input: `https://ad.admitad.com/g/${ADMITAD_CODE}/extra/path?x=1#top`, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'http and an upper-case host', input: `http://AD.Admitad.com/g/${ADMITAD_CODE}/`, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'copied from an address bar without the scheme', input: `ad.admitad.com/g/${ADMITAD_CODE}/`, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'surrounding spaces', input: `  https://ad.admitad.com/g/${ADMITAD_CODE}/ `, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'the code alone is left as typed', input: ADMITAD_CODE, expected: { account: admitad(ADMITAD_CODE), issues: [] } },
    { name: 'text that is not a link is left for the code check', input: 'not a code', expected: { account: admitad('not a code'), issues: [] } },
    {
      name: 'an Admitad link without /g/<code>',
      input: 'https://ad.admitad.com/ru/webmaster/websites/',
      expected: { account: admitad('https://ad.admitad.com/ru/webmaster/websites/'), issues: [{ field: 'code', code: 'admitadLinkWithoutCode' }] },
    },
    {
      name: 'a link to another host, named in the message',
      input: `https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/`,
      expected: { account: admitad(`https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/`), issues: [{ field: 'code', code: 'notAdmitadLink', detail: 'shopnow.pub' }] },
    },
  ])('$name', ({ input, expected }) => {
    const actual = readPastedAccount(admitad(input));
    expect(actual).toEqual(expected);
  });

  it('gives a code the network accepts from every link form above', () => {
    const actual = readPastedAccount(admitad(`https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${ULP}`)).account as AccountOf<'admitad'>;
    expect(admitadNetwork.validateAccount(actual)).toEqual([]);
  });
});

describe('readPastedAccount: ePN', () => {
  const link = `https://alipromo.com/redirect/cpa/o/${EPN_CODE}/?to=${ULP}&sub=tg`;
  it.each<{ name: string; input: { host: string; code: string }; expected: PastedAccount }>([
    { name: 'the whole link in the code field gives host and code', input: { host: '', code: link }, expected: { account: epn('alipromo.com', EPN_CODE), issues: [] } },
    { name: 'the whole link in the host field gives host and code', input: { host: link, code: '' }, expected: { account: epn('alipromo.com', EPN_CODE), issues: [] } },
    { name: 'a host given with https://', input: { host: 'https://shopnow.pub', code: EPN_CODE }, expected: { account: epn('shopnow.pub', EPN_CODE), issues: [] } },
    { name: 'a host given with https:// and a slash', input: { host: 'https://shopnow.pub/', code: EPN_CODE }, expected: { account: epn('shopnow.pub', EPN_CODE), issues: [] } },
    { name: 'a host typed before keeps its place', input: { host: 'shopnow.pub', code: link }, expected: { account: epn('shopnow.pub', EPN_CODE), issues: [] } },
    { name: 'a link without scheme', input: { host: '', code: `alipromo.com/redirect/cpa/o/${EPN_CODE}/` }, expected: { account: epn('alipromo.com', EPN_CODE), issues: [] } },
    { name: 'plain host and code are left as typed', input: { host: 'alipromo.com', code: EPN_CODE }, expected: { account: epn('alipromo.com', EPN_CODE), issues: [] } },
    {
      name: 'a link in the code field without /redirect/cpa/o/<code>',
      input: { host: '', code: 'https://alipromo.com/some/page' },
      expected: { account: epn('', 'https://alipromo.com/some/page'), issues: [{ field: 'code', code: 'epnLinkWithoutCode' }] },
    },
    {
      name: 'a host with a port is refused, named',
      input: { host: 'https://alipromo.com:8443/', code: EPN_CODE },
      expected: { account: epn('https://alipromo.com:8443/', EPN_CODE), issues: [{ field: 'host', code: 'badHost', detail: 'alipromo.com:8443' }] },
    },
  ])('$name', ({ input, expected }) => {
    const actual = readPastedAccount(epn(input.host, input.code));
    expect(actual).toEqual(expected);
  });

  it('gives host and code the network accepts', () => {
    const actual = readPastedAccount(epn('', link)).account as AccountOf<'epn'>;
    expect(epnNetwork.validateAccount(actual)).toEqual([]);
  });
});

describe('readPastedAccount: other networks', () => {
  it.each<{ name: string; input: Account }>([
    { name: 'a custom template stays a link', input: { id: 'c1', network: 'custom', name: 'Mine', template: 'https://example.com/?u={url_encoded}' } },
    { name: 'Portals keys are not links', input: { id: 'p1', network: 'portals', name: 'Portals', appKey: '500123', trackingId: 'blog' } },
  ])('$name', ({ input }) => {
    const actual = readPastedAccount(input);
    expect(actual).toEqual({ account: input, issues: [] });
  });
});
