import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeeplink, validateAccount, accountSchema } from '../../../lib/networks';
import type { Account, DeeplinkResult, FieldIssue } from '../../../lib/networks/types';
import type { LinkChange } from '../../../lib/url/neutral';

type DeeplinkChanges = readonly LinkChange[];
import type { Preset } from '../../../lib/presets/types';

const ADMITAD_CODE = 'k7q2m9x4w1e8r5t3y6u0i2o4p7a9s1';
const EPN_CODE = 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7';
const admitad: Account = { id: 'acc-admitad', network: 'admitad', name: 'Admitad', code: ADMITAD_CODE };
const epn: Account = { id: 'acc-epn', network: 'epn', name: 'ePN', host: 'shopnow.pub', code: EPN_CODE };
const custom: Account = { id: 'acc-custom', network: 'custom', name: 'Other', template: 'https://go.example.net/c?u={url_encoded}&pid={product_id}&s={subid}' };

const presetFor = (account: Account | null, overrides: Partial<Preset> = {}): Preset => ({
  id: 'preset-1',
  name: 'Telegram',
  accountId: account === null ? null : account.id,
  program: 'ww',
  audienceCountry: null,
  subIds: { subid: 'tg', subid4: 'post-42' },
  keepSku: false,
  ...overrides,
});

const CLEAN = 'https://www.aliexpress.com/item/1005006123456789.html';
const CLEAN_ENCODED = 'https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005006123456789.html';
// A product URL as copied from the address bar after arriving through somebody else's link.
const DIRTY =
  'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o.home.pcJustForYou.1.650c76dbK9PqZb&aff_fcid=3c4d5e6f7a8b&aff_fsk=_ExAmPlE&aff_platform=link-c-tool&sk=_ExAmPlE&aff_trace_key=abc123&terminal_id=f00ba5&utm_source=admitad&utm_medium=cpa&utm_campaign=12345&sku_id=12000037373737373';

const FOREIGN_AFFILIATE = { kind: 'foreign-affiliate' } as const;

describe('buildDeeplink: exact links', () => {
  it.each<{ name: string; input: string; account: Account; preset?: Partial<Preset>; expected: string; changes?: DeeplinkChanges }>([
    {
      name: 'Admitad, clean product URL',
      input: CLEAN,
      account: admitad,
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${CLEAN_ENCODED}&subid=tg&subid4=post-42`,
    },
    {
      name: 'Admitad, product URL full of foreign tracking',
      input: DIRTY,
      account: admitad,
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${CLEAN_ENCODED}&subid=tg&subid4=post-42`,
      changes: [FOREIGN_AFFILIATE],
    },
    {
      name: 'ePN, product URL full of foreign tracking',
      input: DIRTY,
      account: epn,
      expected: `https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/?to=${CLEAN_ENCODED}&sub=tg&sub5=post-42`,
      changes: [FOREIGN_AFFILIATE],
    },
    {
      name: 'custom template, product id filled in',
      input: DIRTY,
      account: custom,
      expected: `https://go.example.net/c?u=${CLEAN_ENCODED}&pid=1005006123456789&s=tg`,
      changes: [FOREIGN_AFFILIATE],
    },
    {
      name: 'mobile host becomes the desktop product URL',
      input: 'https://m.aliexpress.com/item/1005006123456789.html?spm=a2g0n.detail.0.0',
      account: admitad,
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${CLEAN_ENCODED}&subid=tg&subid4=post-42`,
    },
    {
      name: 'another publisher\'s Admitad link is unwrapped and rebuilt with ours',
      input: `https://ad.admitad.com/g/zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/?ulp=${encodeURIComponent(DIRTY)}&subid=theirs`,
      account: admitad,
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${CLEAN_ENCODED}&subid=tg&subid4=post-42`,
      changes: [FOREIGN_AFFILIATE],
    },
    {
      // Changed on purpose: an audience outside the CIS gets the global storefront, not aliexpress.ru.
      name: 'aliexpress.ru product for ePN, audience unknown: the global link',
      input: 'https://aliexpress.ru/item/1005006123456789.html?utm_source=epn&spm=a2g2w.home.0.0',
      account: epn,
      expected: `https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/?to=${CLEAN_ENCODED}&sub=tg&sub5=post-42`,
      changes: [{ kind: 'host', from: 'aliexpress.ru', to: 'www.aliexpress.com' }],
    },
    {
      name: 'aliexpress.ru product for ePN, CIS audience: kept on aliexpress.ru',
      input: 'https://aliexpress.ru/item/1005006123456789.html?utm_source=epn&spm=a2g2w.home.0.0',
      account: epn,
      preset: { audienceCountry: 'KZ' },
      expected: `https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/?to=https%3A%2F%2Faliexpress.ru%2Fitem%2F1005006123456789.html&sub=tg&sub5=post-42`,
    },
    {
      name: 'aliexpress.ru product for ePN, neutral links off: kept on aliexpress.ru',
      input: 'https://aliexpress.ru/item/1005006123456789.html?utm_source=epn&spm=a2g2w.home.0.0',
      account: epn,
      preset: { neutralLinks: false },
      expected: `https://shopnow.pub/redirect/cpa/o/${EPN_CODE}/?to=https%3A%2F%2Faliexpress.ru%2Fitem%2F1005006123456789.html&sub=tg&sub5=post-42`,
    },
    {
      name: 'es. product: the neutral host',
      input: 'https://es.aliexpress.com/item/1005006123456789.html?gatewayAdapt=glo2esp',
      account: admitad,
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${CLEAN_ENCODED}&subid=tg&subid4=post-42`,
      changes: [{ kind: 'host', from: 'es.aliexpress.com', to: 'www.aliexpress.com' }],
    },
    {
      name: 'aliexpress.us product for a German audience: global host and global id',
      input: 'https://www.aliexpress.us/item/3256801887502111.html',
      account: admitad,
      preset: { audienceCountry: 'DE' },
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent('https://www.aliexpress.com/item/1005002073816863.html')}&subid=tg&subid4=post-42`,
      changes: [
        { kind: 'host', from: 'www.aliexpress.us', to: 'www.aliexpress.com' },
        { kind: 'us-id', from: '3256801887502111', to: '1005002073816863' },
      ],
    },
    {
      name: 'aliexpress.us product for a US audience: kept on aliexpress.us',
      input: 'https://www.aliexpress.us/item/3256801887502111.html',
      account: admitad,
      preset: { audienceCountry: 'US' },
      expected: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent('https://www.aliexpress.us/item/3256801887502111.html')}&subid=tg&subid4=post-42`,
    },
  ])('$name', ({ input, account, preset, expected, changes = [] }) => {
    const actual = buildDeeplink(input, presetFor(account, preset), account);
    expect(actual).toEqual({ ok: true, url: expected, targetUrl: expect.any(String), network: account.network, changes });
  });
});

describe('buildDeeplink: the wrapped URL is clean', () => {
  const FOREIGN = /aff_|spm|utm_|terminal_id|sk=|admitad|_ExAmPlE/;

  it.each([
    { account: admitad, param: 'ulp' },
    { account: epn, param: 'to' },
  ])('$account.network: decoding $param gives back the clean URL', ({ account, param }) => {
    const result = buildDeeplink(DIRTY, presetFor(account), account);
    if (!result.ok) throw new Error(`expected a link, got ${result.code}`);
    const actual = new URL(result.url).searchParams.get(param);
    expect(actual).toBe(CLEAN);
    expect(actual).toBe(result.targetUrl);
    expect(actual).not.toMatch(FOREIGN);
  });

  it('keepSku keeps the selected SKU and nothing else', () => {
    const result = buildDeeplink(DIRTY, presetFor(admitad, { keepSku: true }), admitad);
    if (!result.ok) throw new Error(`expected a link, got ${result.code}`);
    const actual = new URL(result.url).searchParams.get('ulp');
    expect(actual).toBe(`${CLEAN}?sku_id=12000037373737373`);
    expect(actual).not.toMatch(FOREIGN);
  });
});

describe('buildDeeplink: keep-SKU presets read every spelling of the SKU', () => {
  // Presets make locale-neutral links by default: the host becomes www.aliexpress.com, the SKU stays.
  it.each([
    {
      spelling: 'sku_id',
      input: 'https://aliexpress.ru/item/1005010130773880.html?shpMethod=CAINIAO_STANDARD&sku_id=12000051249532312',
      expected: 'https://www.aliexpress.com/item/1005010130773880.html?sku_id=12000051249532312',
      seen: 'GitHub code search "sku_id=12000051249532312"',
    },
    {
      spelling: 'skuId',
      input: 'https://www.aliexpress.com/item/1005006786141635.html?skuId=12000038298689118',
      expected: 'https://www.aliexpress.com/item/1005006786141635.html?sku_id=12000038298689118',
      seen: 'GitHub code search "1005006786141635.html?skuId=12000038298689118"',
    },
    {
      spelling: 'pdp_ext_f JSON',
      input: 'https://fr.aliexpress.com/item/32648520888.html?pdp_ext_f=%7B%22sku_id%22%3A%2259641309080%22%7D',
      expected: 'https://www.aliexpress.com/item/32648520888.html?sku_id=59641309080',
      seen: 'GitHub code search "pdp_ext_f=%7B%22sku_id"',
    },
  ])('$spelling ($seen)', ({ input, expected }) => {
    const result = buildDeeplink(input, presetFor(admitad, { keepSku: true }), admitad);
    const actual = result.ok ? result.targetUrl : result.code;
    expect(actual).toBe(expected);
  });
});

describe('buildDeeplink: targets', () => {
  it('takes a ProductRef directly', () => {
    const actual = buildDeeplink({ id: '1005006123456789', site: 'com', skuId: '12000037373737373' }, presetFor(admitad, { keepSku: true }), admitad);
    expect(actual).toEqual({
      ok: true,
      url: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent(`${CLEAN}?sku_id=12000037373737373`)}&subid=tg&subid4=post-42`,
      targetUrl: `${CLEAN}?sku_id=12000037373737373`,
      network: 'admitad',
      changes: [],
    });
  });

  it('wraps a store page with its cleaned URL', () => {
    const actual = buildDeeplink('https://www.aliexpress.com/store/1101234567?spm=a2g0o.detail.0.0&utm_campaign=x', presetFor(admitad), admitad);
    expect(actual).toEqual({
      ok: true,
      url: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent('https://www.aliexpress.com/store/1101234567')}&subid=tg&subid4=post-42`,
      targetUrl: 'https://www.aliexpress.com/store/1101234567',
      network: 'admitad',
      changes: [],
    });
  });

  it('wraps a search page keeping only the search text', () => {
    const actual = buildDeeplink('https://www.aliexpress.com/wholesale?SearchText=phone&spm=a2g0o.home.0.0', presetFor(null), undefined);
    expect(actual).toEqual({
      ok: true,
      url: 'https://www.aliexpress.com/wholesale?SearchText=phone',
      targetUrl: 'https://www.aliexpress.com/wholesale?SearchText=phone',
      network: 'plain',
      changes: [],
    });
  });

  it.each<{ input: string; expected: DeeplinkResult }>([
    { input: 'https://a.aliexpress.com/_mKabcde', expected: { ok: false, code: 'short-link' } },
    { input: 'https://s.click.aliexpress.com/e/_DlAbcde', expected: { ok: false, code: 'short-link' } },
    { input: 'https://www.amazon.com/dp/B0EXAMPLE1', expected: { ok: false, code: 'not-aliexpress' } },
    { input: 'aliexpress phone case', expected: { ok: false, code: 'invalid-url' } },
    { input: '', expected: { ok: false, code: 'invalid-url' } },
    { input: 'ftp://www.aliexpress.com/item/1005006123456789.html', expected: { ok: false, code: 'invalid-url' } },
  ])('refuses $input', ({ input, expected }) => {
    const actual = buildDeeplink(input, presetFor(admitad), admitad);
    expect(actual).toEqual(expected);
  });

  it('refuses a ProductRef whose id is not digits, without throwing', () => {
    const actual = buildDeeplink({ id: '12ab', site: 'com' }, presetFor(admitad), admitad);
    expect(actual).toEqual({ ok: false, code: 'invalid-url' });
  });
});

describe('buildDeeplink: plain link without an account', () => {
  it('returns the clean URL, ignoring sub-ids and any account passed', () => {
    const actual = buildDeeplink(DIRTY, presetFor(null, { subIds: { subid: 'x'.repeat(500) } }), admitad);
    expect(actual).toEqual({ ok: true, url: CLEAN, targetUrl: CLEAN, network: 'plain', changes: [FOREIGN_AFFILIATE] });
  });
});

describe('buildDeeplink: account problems', () => {
  it.each<{ name: string; preset: Preset; account: unknown; expected: FieldIssue[] }>([
    { name: 'account not found', preset: presetFor(admitad), account: undefined, expected: [{ field: 'accountId', code: 'unknownAccount' }] },
    { name: 'a different account than the preset names', preset: presetFor(admitad), account: epn, expected: [{ field: 'accountId', code: 'unknownAccount' }] },
    { name: 'Admitad code in the wrong format', preset: presetFor(admitad), account: { ...admitad, code: 'short' }, expected: [{ field: 'code', code: 'badCode' }] },
    { name: 'Admitad code missing', preset: presetFor(admitad), account: { id: admitad.id, network: 'admitad', name: 'A' }, expected: [{ field: 'code', code: 'required' }] },
    { name: 'ePN host with a scheme', preset: presetFor(epn), account: { ...epn, host: 'https://shopnow.pub' }, expected: [{ field: 'host', code: 'badHost', detail: 'https://shopnow.pub' }] },
    {
      name: 'custom template over http',
      preset: presetFor(custom),
      account: { ...custom, template: 'http://go.example.net/?u={url}' },
      expected: [{ field: 'template', code: 'notHttps' }],
    },
    { name: 'unknown network', preset: presetFor(admitad), account: { ...admitad, network: 'awin' }, expected: [{ field: 'network', code: 'required' }] },
    { name: 'not an object at all', preset: presetFor(admitad), account: 'acc-admitad', expected: [{ field: 'accountId', code: 'unknownAccount' }] },
    { name: 'blank name', preset: presetFor(admitad), account: { ...admitad, name: '  ' }, expected: [{ field: 'name', code: 'required' }] },
  ])('$name', ({ preset, account, expected }) => {
    const actual = buildDeeplink(CLEAN, preset, account as Account | undefined);
    expect(actual).toEqual({ ok: false, code: 'invalid-account', issues: expected });
  });
});

describe('buildDeeplink: sub-id problems', () => {
  it.each<{ name: string; account: Account; subIds: Preset['subIds']; expected: FieldIssue[] }>([
    { name: 'Admitad subid of 51', account: admitad, subIds: { subid: 'a'.repeat(51) }, expected: [{ field: 'subIds.subid', code: 'tooLong', max: 50 }] },
    { name: 'Admitad subid4 of 121', account: admitad, subIds: { subid4: 'a'.repeat(121) }, expected: [{ field: 'subIds.subid4', code: 'tooLong', max: 120 }] },
    { name: 'ePN sub with NUL', account: epn, subIds: { subid: 'a\u0000' }, expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+0000' }] },
    { name: 'lone surrogate (encodeURIComponent would throw)', account: custom, subIds: { subid: '\uDC00' }, expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+DC00' }] },
  ])('$name', ({ account, subIds, expected }) => {
    const actual = buildDeeplink(CLEAN, presetFor(account, { subIds }), account);
    expect(actual).toEqual({ ok: false, code: 'invalid-subids', issues: expected });
  });

  it.each([
    { slot: 'subid', max: 50 },
    { slot: 'subid4', max: 120 },
  ] as const)('Admitad $slot at exactly $max builds', ({ slot, max }) => {
    const value = 'a'.repeat(max);
    const result = buildDeeplink(CLEAN, presetFor(admitad, { subIds: { [slot]: value } }), admitad);
    if (!result.ok) throw new Error(`expected a link, got ${result.code}`);
    const actual = new URL(result.url).searchParams.get(slot);
    expect(actual).toBe(value);
  });
});

describe('buildDeeplink never throws', () => {
  it('for any input string, sub-ids and account fields', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.record({ subid: fc.string({ unit: 'binary', maxLength: 60 }), subid4: fc.string({ unit: 'binary', maxLength: 130 }) }),
        fc.constantFrom(admitad, epn, custom),
        fc.string({ maxLength: 40 }),
        (input, subIds, account, code) => {
          const brokenFields: unknown = { ...account, code, host: code, template: code };
          const broken = brokenFields as Account;
          for (const candidate of [account, broken]) {
            const actual = buildDeeplink(input, presetFor(candidate, { subIds }), candidate);
            expect(typeof actual.ok).toBe('boolean');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateAccount and accountSchema', () => {
  it.each<{ input: Account; expected: FieldIssue[] }>([
    { input: admitad, expected: [] },
    { input: epn, expected: [] },
    { input: custom, expected: [] },
    { input: { ...admitad, name: '' }, expected: [{ field: 'name', code: 'required' }] },
    { input: { ...admitad, name: 'n'.repeat(61) }, expected: [{ field: 'name', code: 'tooLong', max: 60 }] },
    { input: { ...admitad, id: '' }, expected: [{ field: 'id', code: 'required' }] },
    { input: { ...admitad, id: 'i'.repeat(65) }, expected: [{ field: 'id', code: 'tooLong', max: 64 }] },
    {
      input: { ...epn, host: '', code: '' },
      expected: [
        { field: 'host', code: 'required' },
        { field: 'code', code: 'required' },
      ],
    },
    { input: { ...custom, template: 'https://go.example.net/?x={foo}' }, expected: [{ field: 'template', code: 'unknownPlaceholder', detail: '{foo}' }, { field: 'template', code: 'missingUrlPlaceholder' }] },
  ])('validateAccount $input.network $input.name', ({ input, expected }) => {
    const actual = validateAccount(input);
    expect(actual).toEqual(expected);
  });

  it('accountSchema parses each network into the Account contract', () => {
    for (const input of [admitad, epn, custom]) {
      // Typed as Account: this stops compiling if the schema drifts from the contract.
      const actual: Account = accountSchema.parse(input);
      expect(actual).toEqual(input);
    }
  });

  it('accountSchema trims names and codes, strips unknown keys', () => {
    const actual = accountSchema.parse({ ...admitad, name: ' Admitad ', code: ` ${ADMITAD_CODE} `, apiSecret: 'nope' });
    expect(actual).toEqual(admitad);
  });

  it.each<{ name: string; input: unknown }>([
    { name: 'unknown network', input: { ...admitad, network: 'awin' } },
    { name: 'admitad without code', input: { id: 'a', network: 'admitad', name: 'A' } },
    { name: 'admitad code of the wrong format', input: { ...admitad, code: 'abc' } },
    { name: 'epn without host', input: { id: 'a', network: 'epn', name: 'E', code: EPN_CODE } },
    { name: 'custom template without {url}', input: { ...custom, template: 'https://go.example.net/' } },
    { name: 'name over 60', input: { ...admitad, name: 'n'.repeat(61) } },
    { name: 'id over 64', input: { ...admitad, id: 'i'.repeat(65) } },
    { name: 'null', input: null },
  ])('accountSchema rejects $name', ({ input }) => {
    const actual = accountSchema.safeParse(input).success;
    expect(actual).toBe(false);
  });
});
