import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_MAX, EXTERNAL_TEXT_MAX } from '../../../lib/api/bounds';
import { linkGenerateResultSchema, rawProductSchema } from '../../../lib/api/aliexpress-schema';

describe('API answers are bounded before anything uses them', () => {
  it('cuts a product title and category names to EXTERNAL_TEXT_MAX', () => {
    const actual = rawProductSchema.parse({ product_id: '1005001', product_title: 'T'.repeat(100_000), first_level_category_name: 'C'.repeat(5_000) });
    expect(actual.product_title).toHaveLength(EXTERNAL_TEXT_MAX);
    expect(actual.first_level_category_name).toHaveLength(EXTERNAL_TEXT_MAX);
  });

  it('keeps an ordinary title whole', () => {
    const title = 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB';
    expect(rawProductSchema.parse({ product_id: '1', product_title: title }).product_title).toBe(title);
  });

  it('refuses a promotion link longer than EXTERNAL_LINK_MAX', () => {
    const answer = (link: string) => ({ promotion_links: { promotion_link: [{ promotion_link: link }] } });
    expect(linkGenerateResultSchema.safeParse(answer(`https://s.click.aliexpress.com/e/_x?${'a'.repeat(EXTERNAL_LINK_MAX)}`)).success).toBe(false);
    expect(linkGenerateResultSchema.safeParse(answer('https://s.click.aliexpress.com/e/_DdNkq3x')).success).toBe(true);
  });
});
