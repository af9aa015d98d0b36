import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customNetwork, validateTemplate, type CustomAccount } from '../../../lib/networks/custom';
import { accountSchema } from '../../../lib/networks/schema';
import { parseSettingsFile, SETTINGS_FILE_FORMAT } from '../../../lib/options/settings-transfer';
import type { FieldIssue, LinkTarget, SubIds } from '../../../lib/networks/types';

const accountWith = (template: string): CustomAccount => ({ id: 'acc-3', network: 'custom', name: 'Other network', template });

const productTarget: LinkTarget = {
  url: 'https://www.aliexpress.com/item/1005006123456789.html?sku_id=12000037373737373',
  product: { id: '1005006123456789', site: 'com', skuId: '12000037373737373' },
};
const encodedProductUrl = 'https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005006123456789.html%3Fsku_id%3D12000037373737373';

describe('customNetwork.wrap', () => {
  it.each<{ name: string; template: string; subIds: SubIds; expected: string }>([
    {
      name: '{url_encoded} in the query',
      template: 'https://go.example.net/click?u={url_encoded}&s={subid}',
      subIds: { subid: 'tg' },
      expected: `https://go.example.net/click?u=${encodedProductUrl}&s=tg`,
    },
    {
      name: '{url} in the query is encoded too: its own ?, & or # would cut the parameter',
      template: 'https://go.example.net/click?u={url}',
      subIds: {},
      expected: `https://go.example.net/click?u=${encodedProductUrl}`,
    },
    {
      name: '{url} in the path stays raw for path-style redirectors',
      template: 'https://go.example.net/r/{url}',
      subIds: {},
      expected: `https://go.example.net/r/${productTarget.url}`,
    },
    {
      name: '{url_encoded} in the path is encoded',
      template: 'https://go.example.net/r/{url_encoded}',
      subIds: {},
      expected: `https://go.example.net/r/${encodedProductUrl}`,
    },
    {
      name: 'every placeholder, empty sub-ids become empty strings',
      template: 'https://go.example.net/p/{product_id}?to={url_encoded}&a={subid}&b={subid1}&c={subid2}&d={subid3}&e={subid4}',
      subIds: { subid: 'x', subid2: '', subid4: 'z' },
      expected: `https://go.example.net/p/1005006123456789?to=${encodedProductUrl}&a=x&b=&c=&d=&e=z`,
    },
    {
      name: 'sub-ids are always encoded, even in the path',
      template: 'https://go.example.net/{subid}/?u={url_encoded}&k={subid1}',
      subIds: { subid: 'a/b c', subid1: 'x&y=z#' },
      expected: `https://go.example.net/a%2Fb%20c/?u=${encodedProductUrl}&k=x%26y%3Dz%23`,
    },
    {
      name: 'a placeholder used twice is filled twice',
      template: 'https://go.example.net/?u={url_encoded}&s={subid}&s2={subid}',
      subIds: { subid: 'q' },
      expected: `https://go.example.net/?u=${encodedProductUrl}&s=q&s2=q`,
    },
    {
      name: 'after # the value is encoded',
      template: 'https://go.example.net/#{url}',
      subIds: {},
      expected: `https://go.example.net/#${encodedProductUrl}`,
    },
  ])('$name', ({ template, subIds, expected }) => {
    const actual = customNetwork.wrap(productTarget, accountWith(template), subIds);
    expect(actual).toBe(expected);
  });

  it('{product_id} is empty for a store page', () => {
    const actual = customNetwork.wrap(
      { url: 'https://www.aliexpress.com/store/1101234567' },
      accountWith('https://go.example.net/?u={url_encoded}&pid={product_id}'),
      {},
    );
    expect(actual).toBe('https://go.example.net/?u=https%3A%2F%2Fwww.aliexpress.com%2Fstore%2F1101234567&pid=');
  });

  it('round-trips the target through the query parameter', () => {
    const link = new URL(customNetwork.wrap(productTarget, accountWith('https://go.example.net/c?url={url}&sid={subid}'), { subid: 'a&b' }));
    const actual = { url: link.searchParams.get('url'), sid: link.searchParams.get('sid') };
    expect(actual).toEqual({ url: productTarget.url, sid: 'a&b' });
  });
});

describe('validateTemplate', () => {
  it.each<{ input: string; expected: FieldIssue[] }>([
    { input: 'https://go.example.net/click?u={url_encoded}&s={subid}', expected: [] },
    { input: 'https://go.example.net/r/{url}', expected: [] },
    { input: 'HTTPS://go.example.net/?u={url}', expected: [] },
    { input: 'https://go.example.net:8443/?u={url}&p={product_id}&a={subid1}&b={subid2}&c={subid3}&d={subid4}', expected: [] },
    { input: '', expected: [{ field: 'template', code: 'required' }] },
    { input: '   ', expected: [{ field: 'template', code: 'required' }] },
    { input: 'https://go.example.net/click?s={subid}', expected: [{ field: 'template', code: 'missingUrlPlaceholder' }] },
    { input: 'http://go.example.net/?u={url}', expected: [{ field: 'template', code: 'notHttps' }] },
    { input: 'javascript:alert(1)//{url}', expected: [{ field: 'template', code: 'notHttps' }] },
    { input: 'go.example.net/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: '{url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https:go.example.net/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    {
      input: 'https://go.example.net/?u={url}&c={clickid}',
      expected: [{ field: 'template', code: 'unknownPlaceholder', detail: '{clickid}' }],
    },
    {
      input: 'https://go.example.net/?u={URL}',
      expected: [
        { field: 'template', code: 'unknownPlaceholder', detail: '{URL}' },
        { field: 'template', code: 'missingUrlPlaceholder' },
      ],
    },
    {
      input: 'https://go.example.net/?u={url}&a={}&b={sub id}&c={}',
      expected: [
        { field: 'template', code: 'badTemplate', detail: ' ' },
        { field: 'template', code: 'unknownPlaceholder', detail: '{}' },
        { field: 'template', code: 'unknownPlaceholder', detail: '{sub id}' },
      ],
    },
    { input: 'https://go.example.net/?u={url}&s={subid', expected: [{ field: 'template', code: 'badTemplate', detail: '{' }] },
    { input: 'https://go.example.net/?u={url}}', expected: [{ field: 'template', code: 'badTemplate', detail: '}' }] },
    { input: 'https://{subid}.example.net/?u={url}', expected: [{ field: 'template', code: 'badTemplate', detail: '{subid}.example.net' }] },
    { input: 'https://{url}', expected: [{ field: 'template', code: 'badTemplate', detail: '{url}' }] },
    { input: 'https://user:pw@go.example.net/?u={url}', expected: [{ field: 'template', code: 'badTemplate', detail: 'user:pw@go.example.net' }] },
    { input: 'https://192.168.0.1/?u={url}', expected: [{ field: 'template', code: 'badHost', detail: '192.168.0.1' }] },
    { input: 'https://localhost/?u={url}', expected: [{ field: 'template', code: 'badHost', detail: 'localhost' }] },
    { input: 'https:///?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    // The URL parser skips extra slashes after https:, so the sub-ids would spell the host.
    { input: 'https:///{subid}.c{subid1}/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https:////{subid}.com/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https:\\\\{subid}.com/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https:/{subid}.com/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https://go.example.net\\{subid}/?u={url}', expected: [{ field: 'template', code: 'badTemplate' }] },
    { input: 'https://go.example.net:{subid}/?u={url}', expected: [{ field: 'template', code: 'badTemplate', detail: 'go.example.net:{subid}' }] },
    { input: 'https://go.example.net:x/?u={url}', expected: [{ field: 'template', code: 'badTemplate', detail: 'go.example.net:x' }] },
    { input: 'https://go.example.net:8443/?u={url}', expected: [] },
    { input: 'https://Go.Example.NET/r/{url}', expected: [] },
    { input: 'https://go.example.net/?u={url}\n', expected: [{ field: 'template', code: 'badTemplate', detail: 'U+000A' }] },
    {
      input: `https://go.example.net/?u={url}&pad=${'x'.repeat(2048)}`,
      expected: [{ field: 'template', code: 'tooLong', max: 2048 }],
    },
  ])('$input', ({ input, expected }) => {
    const actual = validateTemplate(input);
    expect(actual).toEqual(expected);
  });

  it('is what customNetwork.validateAccount checks', () => {
    const actual = customNetwork.validateAccount(accountWith('https://go.example.net/?s={subid}'));
    expect(actual).toEqual([{ field: 'template', code: 'missingUrlPlaceholder' }]);
  });
});

describe('customNetwork.validateSubIds', () => {
  it('uses the generic 255-character bound', () => {
    expect(customNetwork.validateSubIds({ subid4: 'a'.repeat(255) })).toEqual([]);
    const actual = customNetwork.validateSubIds({ subid4: 'a'.repeat(256) });
    expect(actual).toEqual([{ field: 'subIds.subid4', code: 'tooLong', max: 255 }]);
  });

  it('refuses control characters', () => {
    const actual = customNetwork.validateSubIds({ subid2: 'a\u0001' });
    expect(actual).toEqual([{ field: 'subIds.subid2', code: 'forbiddenChars', detail: 'U+0001' }]);
  });
});

describe('a custom template cannot send links to a host the sub-ids choose', () => {
  const subIds = { subid: 'attacker', subid1: 'om' };
  const target: LinkTarget = { url: 'https://www.aliexpress.com/item/1005001.html', product: { id: '1005001', site: 'com' } };

  it.each([
    'https:///{subid}.c{subid1}/?u={url}',
    'https:////{subid}.c{subid1}/?u={url}',
    'https:\\\\{subid}.c{subid1}/?u={url}',
    'https:/{subid}.c{subid1}/?u={url}',
    'https://{subid}.c{subid1}/?u={url}',
  ])('%s is refused on save, in storage and on import', (template) => {
    const account = accountWith(template);
    expect(customNetwork.validateAccount(account)).not.toEqual([]);
    expect(accountSchema.safeParse(account).success).toBe(false);
    const file = (accounts: CustomAccount[]) =>
      // A version 1 file: accounts and presets only, as it was written before the backup grew.
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00.000Z', accounts, presets: [], defaultPresetId: null });
    expect(parseSettingsFile(file([accountWith('https://go.example.net/?u={url}')])).ok).toBe(true);
    expect(parseSettingsFile(file([account])).ok).toBe(false);
  });

  // Any template that passes: whatever the sub-ids hold, the link's host is the literal one.
  it('every accepted template keeps its literal host, for hostile sub-ids (property)', () => {
    const piece = fc.constantFrom('https:', '//', '/', '\\', '{subid}', '{subid1}', '{url}', 'go.example.net', '.', 'c', '?u=', '@', ':', '8443', '#');
    const hostile = fc.constantFrom('attacker', 'om', 'attacker.example/', '@evil.example', '\\evil.example', '..', '');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 10 }), hostile, hostile, (pieces, subid, subid1) => {
        const template = pieces.join('');
        if (validateTemplate(template).length > 0) return;
        const literal = /^https:\/\/([^/?#:]+)/i.exec(template)![1]!.toLowerCase();
        const link = customNetwork.wrap(target, accountWith(template), { subid, subid1 });
        expect(new URL(link).hostname).toBe(literal);
      }),
      { numRuns: 20_000 },
    );
    expect(new URL(customNetwork.wrap(target, accountWith('https://go.example.net/?u={url}&s={subid}'), subIds)).hostname).toBe('go.example.net');
  });
});
