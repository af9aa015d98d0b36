// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { appendPortalsTracking, buildPortalsLink, validatePortalsTracking } from '../../../lib/api/portals-link';
import { createMemoryCacheStore } from '../../../lib/api/cache';
import { parseProductUrl } from '../../../lib/url';
import { promotionLink } from '../../fakes/index.mjs';
import { createClock, useFakeAliExpress } from './support';

describe('appendPortalsTracking', () => {
  it.each([
    {
      // Seed 003 (Portals FAQ, question 4), the documented example.
      name: "seed 003's example",
      link: 'https://s.click.aliexpress.com/e/abcD12345',
      tracking: { af: '001', cn: '002', cv: '003', dp: 'abc' },
      expected: 'https://s.click.aliexpress.com/e/abcD12345?af=001&cn=002&cv=003&dp=abc',
    },
    {
      name: 'only the strings that are set ("one or two or all of them")',
      link: 'https://s.click.aliexpress.com/e/abcD12345',
      tracking: { af: 'tg', cn: '', dp: 'x' },
      expected: 'https://s.click.aliexpress.com/e/abcD12345?af=tg&dp=x',
    },
    {
      name: '& after a link that already has a query',
      link: 'https://s.click.aliexpress.com/e/_abc?bz=1',
      tracking: { af: 'tg' },
      expected: 'https://s.click.aliexpress.com/e/_abc?bz=1&af=tg',
    },
    {
      name: 'the preset value over one already on the link',
      link: 'https://s.click.aliexpress.com/e/_abc?af=old&bz=1',
      tracking: { af: 'new' },
      expected: 'https://s.click.aliexpress.com/e/_abc?bz=1&af=new',
    },
    {
      name: 'before a fragment',
      link: 'https://s.click.aliexpress.com/e/_abc#top',
      tracking: { cv: 'banner 1' },
      expected: 'https://s.click.aliexpress.com/e/_abc?cv=banner%201#top',
    },
    {
      name: 'encoded values (&, =, non-Latin)',
      link: 'https://s.click.aliexpress.com/e/_abc',
      tracking: { af: 'a&b=c', dp: 'канал' },
      expected: `https://s.click.aliexpress.com/e/_abc?af=a%26b%3Dc&dp=${encodeURIComponent('канал')}`,
    },
    {
      name: 'nothing when no string is set',
      link: 'https://s.click.aliexpress.com/e/_abc',
      tracking: {},
      expected: 'https://s.click.aliexpress.com/e/_abc',
    },
  ])('appends $name', ({ link, tracking, expected }) => {
    expect(appendPortalsTracking(link, tracking)).toBe(expected);
  });
});

describe('validatePortalsTracking', () => {
  it.each([
    { name: 'ordinary values', input: { af: 'telegram', cn: 'sale-11-11', cv: 'banner_1', dp: 'Канал' }, expected: [] },
    { name: 'a control character', input: { af: 'a\nb' }, expected: [{ field: 'portals.af', code: 'forbiddenChars', detail: 'U+000A' }] },
    { name: 'an encoded NUL', input: { dp: 'x%00' }, expected: [{ field: 'portals.dp', code: 'forbiddenChars', detail: '%00' }] },
    { name: 'a value over 255 characters', input: { cn: 'x'.repeat(256) }, expected: [{ field: 'portals.cn', code: 'tooLong', max: 255 }] },
  ])('$name', ({ input, expected }) => {
    expect(validatePortalsTracking(input)).toEqual(expected);
  });
});

describe('buildPortalsLink against the fake gateway', () => {
  const clock = createClock();
  const fake = useFakeAliExpress(clock);
  const HOT = 'https://www.aliexpress.com/item/1005006789012345.html';
  const NORMAL = 'https://www.aliexpress.com/item/1005001234567890.html';

  it('gives a hot product the hot link, with the tracking strings, and its facts', async () => {
    const actual = await buildPortalsLink(fake.client(), { target: `${HOT}?spm=a2g0o.x&aff_fcid=someone`, keepSku: false, trackingId: 'blog', tracking: { af: 'tg', cn: 'c1' }, audienceCountry: 'DE' });
    expect(actual.ok && { url: actual.url, targetUrl: actual.targetUrl, linkType: actual.linkType, rate: actual.product?.hotCommissionRate }).toEqual({
      url: `${promotionLink(HOT, 'blog', 'hot')}?af=tg&cn=c1`,
      targetUrl: HOT,
      linkType: 'hot',
      rate: 9,
    });
    expect(fake.api.requests.map((request) => [request.method, request.params['promotion_link_type']])).toEqual([
      ['aliexpress.affiliate.productdetail.get', undefined],
      ['aliexpress.affiliate.link.generate', '2'],
    ]);
  });

  it('gives an ordinary product the normal link', async () => {
    const actual = await buildPortalsLink(fake.client(), { target: NORMAL, keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(actual.ok && [actual.url, actual.linkType]).toEqual([promotionLink(NORMAL, 'blog', 'normal'), 'normal']);
  });

  it('takes a parsed product as well as a URL', async () => {
    const parsed = parseProductUrl(NORMAL);
    if (parsed.kind !== 'product') throw new Error('the sample URL must parse as a product');
    const actual = await buildPortalsLink(fake.client(), { target: parsed.product, keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(actual.ok && actual.targetUrl).toBe(NORMAL);
  });

  it('links a store page without asking for product details', async () => {
    const actual = await buildPortalsLink(fake.client(), { target: 'https://www.aliexpress.com/store/912345', keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(actual.ok && [actual.linkType, actual.product]).toEqual(['normal', null]);
    expect(fake.api.requests.map((request) => request.method)).toEqual(['aliexpress.affiliate.link.generate']);
  });

  it('still builds the normal link when the details fail, and says why they are missing', async () => {
    let calls = 0;
    const client = fake.client();
    const flaky = {
      generateLink: client.generateLink,
      getProductDetail: async (request: Parameters<typeof client.getProductDetail>[0]) => {
        calls += 1;
        return { ok: false as const, error: { kind: 'timeout' as const, message: `details timed out for ${request.productId}` } };
      },
    };
    const actual = await buildPortalsLink(flaky, { target: HOT, keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(actual.ok && [actual.linkType, actual.productError?.kind]).toEqual(['normal', 'timeout']);
    expect(calls).toBe(1);
  });

  it('answers "not registered" once, without asking for a link', async () => {
    fake.api.setBehaviour('not-registered');
    const actual = await buildPortalsLink(fake.client(), { target: HOT, keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(!actual.ok && actual.code === 'api' && actual.error.kind).toBe('not-registered');
    expect(fake.api.requests).toHaveLength(1);
  });

  it('costs no request when the popup opens again within the hour', async () => {
    const cache = createMemoryCacheStore();
    const request = { target: HOT, keepSku: false, trackingId: 'blog', tracking: { af: 'tg' }, audienceCountry: 'DE' };
    const first = await buildPortalsLink(fake.client({ cache }), request);
    const second = await buildPortalsLink(fake.client({ cache }), request);
    expect(second).toEqual(first);
    expect(fake.api.requests).toHaveLength(2);
  });

  it.each([
    { name: 'a short link', target: 'https://s.click.aliexpress.com/e/_DmB0x1', expected: 'short-link' },
    { name: 'another site', target: 'https://example.com/item/1.html', expected: 'not-aliexpress' },
    { name: 'text that is not a URL', target: 'not a url', expected: 'invalid-url' },
  ])('refuses $name without a request', async ({ target, expected }) => {
    const actual = await buildPortalsLink(fake.client(), { target, keepSku: false, trackingId: 'blog', audienceCountry: null });
    expect(!actual.ok && actual.code).toBe(expected);
    expect(fake.api.requests).toHaveLength(0);
  });

  it('refuses tracking strings no link can carry, with field issues', async () => {
    const actual = await buildPortalsLink(fake.client(), { target: HOT, keepSku: false, trackingId: 'blog', tracking: { af: 'a\u0000' }, audienceCountry: null });
    expect(actual).toEqual({ ok: false, code: 'invalid-subids', issues: [{ field: 'portals.af', code: 'forbiddenChars', detail: 'U+0000' }] });
  });
});
