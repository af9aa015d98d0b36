import { describe, expect, it } from 'vitest';
import { subIdParamNames, subIdsInLink } from '@/lib/networks/link-subids';
import { buildDeeplink } from '@/lib/networks';
import { parseProductUrl } from '@/lib/url';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';
const preset = (accountId: string): Preset => ({
  id: 'p',
  name: 'P',
  accountId,
  program: 'ww',
  audienceCountry: null,
  subIds: { subid: 'tg', subid1: 'post 7', subid4: 'spring/sale' },
  keepSku: false,
});

describe('subIdsInLink reads back the sub-ids of a link Sublink built', () => {
  it.each<{ name: string; account: Account; expected: ReturnType<typeof subIdsInLink> }>([
    {
      name: 'Admitad',
      account: { id: 'a', network: 'admitad', name: 'A', code: 'abc123def456abc123def456abc123' },
      expected: { network: 'admitad', subIds: { subid: 'tg', subid1: 'post 7', subid4: 'spring/sale' } },
    },
    {
      name: 'ePN',
      account: { id: 'a', network: 'epn', name: 'E', host: 'alipromo.com', code: 'o3dg77s3ecabxunu8mu33vxvw2nrlxyh' },
      expected: { network: 'epn', subIds: { subid: 'tg', subid1: 'post 7', subid4: 'spring/sale' } },
    },
  ])('$name', ({ account, expected }) => {
    const built = buildDeeplink(parseProductUrl(PRODUCT), preset('a'), account);
    if (!built.ok) throw new Error('the link should build');
    expect(subIdsInLink(built.url)).toEqual(expected);
  });

  it.each([
    { name: 'a plain AliExpress link', input: PRODUCT },
    { name: 'a Portals link', input: 'https://s.click.aliexpress.com/e/_DdNkq3x' },
    { name: 'an Admitad host without the deeplink form', input: 'https://ad.admitad.com/webmaster/' },
    { name: 'text that is no URL', input: 'copy me' },
    { name: 'plain http', input: 'http://ad.admitad.com/g/x/?ulp=y&subid=z' },
  ])('null for $name', ({ input }) => {
    expect(subIdsInLink(input)).toBeNull();
  });
});

describe('subIdParamNames', () => {
  it.each([
    { input: 'admitad' as const, expected: ['subid', 'subid1', 'subid2', 'subid3', 'subid4'] },
    { input: 'epn' as const, expected: ['sub', 'sub2', 'sub3', 'sub4', 'sub5'] },
    { input: 'custom' as const, expected: ['subid', 'subid1', 'subid2', 'subid3', 'subid4'] },
  ])('$input', ({ input, expected }) => {
    expect(Object.values(subIdParamNames(input)!)).toEqual(expected);
  });

  it('Portals links carry none', () => {
    expect(subIdParamNames('portals')).toBeNull();
  });
});
