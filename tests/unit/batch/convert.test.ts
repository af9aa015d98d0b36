import { describe, expect, it } from 'vitest';
import { batchContext, convertAll, convertBatch, createRowConverter, summarizeBatch, type BatchRow } from '@/lib/batch/convert';
import type { BatchInput } from '@/lib/batch/extract';
import { hotSourceFromEntries, putHotSource, EMPTY_HOT_LIST } from '@/lib/hotlist';
import { HOT_LIST_KEY as HOT_LIST_STORAGE_KEY } from '@/lib/storage/keys';
import { buildDeeplink } from '@/lib/networks';
import type { Account } from '@/lib/networks/types';
import type { Preset, ProgramId } from '@/lib/presets/types';
import { DEFAULT_RATE_TABLES, estimateCommission, linkKindOf, type RateTables } from '@/lib/rates';
import { evaluateRules, resolveShipTo } from '@/lib/rules';
import { parseProductUrl } from '@/lib/url';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const NOW = new Date('2025-06-01T12:00:00Z');
const rows = (inputs: string[]): BatchInput[] => inputs.map((input, index) => ({ row: index + 1, input, source: input }));
const context = (overrides: Partial<Preset> = {}, stored: Record<string, unknown> = {}, now = NOW) =>
  batchContext({ ...preset, ...overrides }, [admitad], stored, now);

/** URL forms the popup sees (lib/url's corpus), products on every site, pages and failures. */
const CORPUS = [
  'https://www.aliexpress.com/item/1005006789012345.html?spm=a2g0o.home&aff_fcid=x',
  'https://aliexpress.ru/item/1005006789012346.html?sku_id=1200',
  'https://www.aliexpress.us/item/3256806789012345.html',
  'https://es.aliexpress.com/item/1005006789012347.html',
  'https://a.aliexpress.com/_mKabc12',
  'https://star.aliexpress.com/share/share.htm?dl_target_url=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005006789012348.html',
  'https://www.aliexpress.com/store/1234',
  'https://www.aliexpress.com/category/100003109/women-clothing.html',
  'https://sale.aliexpress.com/__pc/sale_1111.htm',
];

describe('createRowConverter', () => {
  it('gives each product row the deeplink the popup would build', () => {
    const [actual] = convertAll(rows([CORPUS[0]!]), context());
    const expected = buildDeeplink(CORPUS[0]!, preset, admitad);
    expect(expected.ok).toBe(true);
    expect(actual).toMatchObject({ row: 1, ok: true, kind: 'product', productId: '1005006789012345', link: expected.ok && expected.url, duplicateOf: null });
  });

  it.each([
    { input: '', expected: { code: 'invalid-url', reason: 'empty' } },
    { input: 'not a url', expected: { code: 'invalid-url', reason: 'not-a-url' } },
    { input: 'ftp://www.aliexpress.com/item/1.html', expected: { code: 'invalid-url', reason: 'unsupported-scheme' } },
    { input: 'https://example.com/item/1005006789012345.html', expected: { code: 'not-aliexpress', host: 'example.com' } },
    { input: 'https://s.click.aliexpress.com/e/_DdNkq3x', expected: { code: 'short-link', host: 's.click.aliexpress.com' } },
  ])('gives "$input" a specific error', ({ input, expected }) => {
    const [actual] = convertAll(rows([input]), context());
    expect(actual).toEqual({ row: 1, input, source: input, ok: false, error: expected });
  });

  it.each([
    { input: 'https://www.aliexpress.com/item/1005006789012345.html', expected: [] },
    { input: 'https://es.aliexpress.com/item/1005006789012347.html', expected: [{ kind: 'host', from: 'es.aliexpress.com', to: 'www.aliexpress.com' }] },
    {
      input: 'https://www.aliexpress.us/item/3256801887502111.html',
      expected: [
        { kind: 'host', from: 'www.aliexpress.us', to: 'www.aliexpress.com' },
        { kind: 'us-id', from: '3256801887502111', to: '1005002073816863' },
      ],
    },
    {
      input: 'https://www.awin1.com/cread.php?awinmid=1&awinaffid=2&ued=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005006789012345.html',
      expected: [{ kind: 'foreign-affiliate' }],
    },
  ])('reports what it changed in $input', ({ input, expected }) => {
    const [actual] = convertAll(rows([input]), context());
    expect(actual).toMatchObject({ ok: true, changes: expected });
    const popup = buildDeeplink(parseProductUrl(input), preset, admitad);
    expect(popup.ok && popup.changes).toEqual(expected);
  });

  it('wraps store and campaign pages too, without a product id', () => {
    const [actual] = convertAll(rows(['https://www.aliexpress.com/store/1234']), context());
    expect(actual).toMatchObject({ ok: true, kind: 'store', productId: null });
  });

  it('names the preset problem on every row when the preset cannot build links', () => {
    const [actual] = convertAll(rows([CORPUS[0]!]), context({ accountId: 'gone' }));
    expect(actual).toMatchObject({ ok: false, error: { code: 'invalid-account' } });
  });

  it('flags a product seen in an earlier row', () => {
    const actual = convertAll(rows([CORPUS[0]!, 'https://de.aliexpress.com/item/1005006789012345.html', CORPUS[1]!]), context());
    expect(actual.map((row) => row.ok && row.duplicateOf)).toEqual([null, 1, null]);
  });

  it('marks products of the imported hot list', () => {
    const store = putHotSource(EMPTY_HOT_LIST, hotSourceFromEntries([{ productId: '1005006789012345', ratePct: 12 }], { id: 'import', label: 'hot.csv', updatedAt: '2025-05-01T00:00:00Z' }));
    const [hot, plain] = convertAll(rows([CORPUS[0]!, CORPUS[3]!]), context({}, { [HOT_LIST_STORAGE_KEY]: store }));
    expect(hot).toMatchObject({ ok: true, hot: true });
    expect(plain).toMatchObject({ ok: true, hot: false });
  });

  // The batch evaluates the sale-window rule once and shares estimates between rows: the result
  // must be what the popup's own calls give, row by row.
  const cases = (['ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'] as ProgramId[]).flatMap((program) =>
    ['DE', 'RU', null].flatMap((audienceCountry) =>
      [NOW, new Date('2025-11-11T12:00:00Z'), new Date('2025-11-01T12:00:00Z')].map((now) => ({ program, audienceCountry, now })),
    ),
  );
  it.each(cases)('matches estimateCommission and evaluateRules for $program, audience $audienceCountry, $now', ({ program, audienceCountry, now }) => {
    const tables = DEFAULT_RATE_TABLES as RateTables;
    const actual = convertAll(rows(CORPUS), context({ program, audienceCountry, accountId: null }, {}, now));
    actual.forEach((row, index) => {
      const parsed = parseProductUrl(CORPUS[index]!);
      if (!row.ok) {
        expect(['short-link', 'not-aliexpress', 'invalid']).toContain(parsed.kind);
        return;
      }
      const site = parsed.kind === 'product' ? parsed.product.site : parsed.kind === 'store' || parsed.kind === 'page' ? parsed.site : null;
      const shipToCountry = resolveShipTo({ site })?.country ?? null;
      const product = { categoryKey: null, hot: false, hotRate: null };
      const common = { program, audienceCountry, shipToCountry, product, now };
      const estimate = estimateCommission({ ...common, linkKind: linkKindOf(parsed) }, tables);
      expect(row.estimate).toEqual({ rate: estimate.rate, best: estimate.best });
      expect(row.warnings).toEqual(evaluateRules({ ...common, parsed, tables }));
    });
  });

  it('finds the sale window warnings on 11.11 for every row', () => {
    const actual = convertAll(rows([CORPUS[0]!, CORPUS[3]!]), context({}, {}, new Date('2025-11-11T12:00:00Z')));
    for (const row of actual) expect(row.ok && row.warnings.map((w) => w.code)).toContain('salePaymentWindow');
  });

  it('keeps a fresh converter per batch: duplicates do not carry over', () => {
    const ctx = context();
    expect(createRowConverter(ctx)({ row: 1, input: CORPUS[0]!, source: CORPUS[0]! })).toMatchObject({ duplicateOf: null });
    expect(createRowConverter(ctx)({ row: 1, input: CORPUS[0]!, source: CORPUS[0]! })).toMatchObject({ duplicateOf: null });
  });
});

describe('convertBatch', () => {
  const many = rows(Array.from({ length: 50 }, (_, i) => `https://www.aliexpress.com/item/${1005006000000000 + i}.html`));

  it('works in slices, yielding to the page between them and reporting progress', async () => {
    let time = 0;
    let pauses = 0;
    const progress: number[] = [];
    const actual = await convertBatch(many, context(), {
      // Each row "takes" 1 ms: slices of 10 rows with sliceMs 10.
      clock: () => time++,
      sliceMs: 10,
      pause: async () => void pauses++,
      onProgress: (done) => progress.push(done),
    });
    expect(actual).toHaveLength(50);
    expect(actual).toEqual(convertAll(many, context()));
    expect(pauses).toBe(progress.length - 1);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(50);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops at the next slice when aborted, and gives nothing', async () => {
    const controller = new AbortController();
    let time = 0;
    const actual = await convertBatch(many, context(), {
      clock: () => time++,
      sliceMs: 5,
      signal: controller.signal,
      pause: async () => controller.abort(),
    });
    expect(actual).toBeNull();
  });
});

describe('summarizeBatch', () => {
  it('counts converted, failed, warned and repeated rows', () => {
    const actual = convertAll(rows([CORPUS[0]!, CORPUS[0]!, 'nope', CORPUS[4]!]), context({ audienceCountry: null }));
    const expected = { total: 4, converted: 2, failed: 2, withWarnings: 2, duplicates: 1 };
    expect(summarizeBatch(actual as BatchRow[])).toEqual(expected);
  });
});
