import { describe, expect, it } from 'vitest';
import { assessLink, presentWarnings } from '@/lib/insights';
import type { Warning } from '@/lib/rules/types';

const w = (code: Warning['code'], rank: Warning['rank']): Warning => ({ code, rank, seed: '001_b214df0997934a9f.txt', params: {}, sources: [] }) as unknown as Warning;

describe('presentWarnings', () => {
  it('shows at most three, in rank order, the rest behind "more"', () => {
    const input = [w('virtualNoCommission', 'blocking'), w('paysShareOfOtherProgram', 'costly'), w('appShareLink', 'costly'), w('saleFirstCookieWin', 'costly'), w('audienceUnknown', 'info')];
    const actual = presentWarnings(input);
    expect({ shown: actual.shown.map((i) => i.warning.code), more: actual.more.map((i) => i.warning.code) }).toEqual({
      shown: ['virtualNoCommission', 'paysShareOfOtherProgram', 'appShareLink'],
      more: ['saleFirstCookieWin', 'audienceUnknown'],
    });
  });

  it.each([
    { name: 'hot link and page priority: both say "link to the product"', input: [w('hotNeedsProductLink', 'costly'), w('nonProductPage', 'info')], expected: [['hotNeedsProductLink', ['nonProductPage']]] },
    { name: 'two zeros for the product', input: [w('virtualNoCommission', 'blocking'), w('storeExcluded', 'blocking')], expected: [['virtualNoCommission', ['storeExcluded']]] },
    { name: 'different advice stays apart', input: [w('sClickLink', 'costly'), w('nonProductPage', 'info')], expected: [['sClickLink', []], ['nonProductPage', []]] },
  ])('merges near-duplicates: $name', ({ input, expected }) => {
    expect(presentWarnings(input).shown.map((i) => [i.warning.code, i.merged.map((m) => m.code)])).toEqual(expected);
  });

  it('the worst case from the seeds still shows three', () => {
    // RU&CIS NEW, German buyers, a hot non-affiliate product on a category page, during the 11.11 pre-sale.
    const { warnings } = assessLink({
      url: 'https://www.aliexpress.com/category/100003109/women-clothing.html',
      program: 'ru-cis-new',
      network: 'admitad',
      audienceCountry: 'DE',
      product: { hot: true, affiliate: false, storeKind: 'noCommission' },
      now: new Date('2025-11-01T12:00:00Z'),
    });
    expect(warnings.length).toBeGreaterThan(3);
    expect(presentWarnings(warnings).shown).toHaveLength(3);
  });
});
