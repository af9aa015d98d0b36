/**
 * The AliExpress Open Platform's answers, as zod schemas (docs/architecture.md, 'Hard rules' 5: remote data is
 * validated at the boundary). Field names and example values come from the API pages:
 * - aliexpress.affiliate.productdetail.get: https://open.alitrip.com/docs/doc.htm?articleId=48595&docType=2&treeId=674
 * - aliexpress.affiliate.hotproduct.query: https://developer.alibaba.com/docs/doc.htm?treeId=674&articleId=45794&docType=2
 * - aliexpress.affiliate.link.generate: https://developers.aliexpress.com/en/doc.htm?docId=45804&docType=2
 *   (promotion_link_type "0 for normal link which has standard commission, and 2 for hot link
 *   which has hot product commission"; answer `promotion_links.promotion_link[]` with
 *   `promotion_link` and `source_value`, as read by publishers' clients on GitHub).
 *
 * The gateway answers XML-shaped JSON unless `simplify=true`: a list is an object holding the
 * array under its singular name (`{ products: { product: [...] } }`), and a one-element list may
 * arrive as the bare object. `wrappedArray` accepts all three forms.
 */
import { z } from 'zod';
import { cutExternalText, EXTERNAL_LINK_MAX } from './bounds';

/** `{ key: [...] }`, `{ key: {...} }`, a bare array, or nothing at all (`{}`, absent: an empty list). */
export function wrappedArray<T extends z.ZodType>(key: string, item: T) {
  return z.preprocess((input) => {
    if (input === undefined || input === null || input === '') return [];
    if (Array.isArray(input)) return input;
    if (typeof input === 'object' && Object.keys(input).length === 0) return [];
    if (typeof input === 'object' && key in input) {
      const inner = (input as Record<string, unknown>)[key];
      if (inner === undefined || inner === null) return [];
      return Array.isArray(inner) ? inner : [inner];
    }
    return input;
  }, z.array(item));
}

/** Numbers sometimes arrive as strings (`"resp_code": "200"`). */
const numberish = z.union([z.number(), z.string().trim().regex(/^-?\d+(?:\.\d+)?$/).transform(Number)]);

/** Ids are long integers: kept as text so 16-digit ids never meet floating point twice. */
const idText = z.union([z.number().int().nonnegative().transform(String), z.string().trim().regex(/^\d{1,20}$/)]);

/** A commission rate as documented (`"3.5%"`), or a bare number; empty means "not given". */
export const percent = z.preprocess(
  (input) => (input === '' || input === null ? undefined : input),
  z
    .union([z.number(), z.string().trim().regex(/^\d+(?:\.\d+)?%?$/, 'expected a percentage such as "3.5%"').transform((text) => Number(text.replace('%', '')))])
    .refine((value) => value >= 0 && value <= 100, 'a percentage must be between 0 and 100')
    .optional(),
);

/** A price as documented (`"6.95"`); the API puts the currency in a sibling field. */
const price = z.preprocess(
  (input) => (input === '' || input === null ? undefined : input),
  z
    .union([z.number(), z.string().trim().regex(/^\d+(?:\.\d+)?$/, 'expected a price such as "6.95"').transform(Number)])
    .refine((value) => value >= 0)
    .optional(),
);

const boundedText = z.string().transform(cutExternalText);
const optionalText = z.preprocess((input) => (input === null ? undefined : input), boundedText.optional());
const optionalId = z.preprocess((input) => (input === null || input === '' ? undefined : input), idText.optional());

export const rawProductSchema = z.object({
  product_id: idText,
  product_title: optionalText,
  product_detail_url: optionalText,
  commission_rate: percent,
  hot_product_commission_rate: percent,
  first_level_category_id: optionalId,
  first_level_category_name: optionalText,
  second_level_category_id: optionalId,
  second_level_category_name: optionalText,
  sale_price: price,
  sale_price_currency: optionalText,
  target_sale_price: price,
  target_sale_price_currency: optionalText,
});
export type RawProduct = z.infer<typeof rawProductSchema>;

export const productDetailResultSchema = z.object({
  current_record_count: numberish.optional(),
  products: wrappedArray('product', rawProductSchema),
});

export const hotProductResultSchema = z.object({
  current_page_no: numberish.optional(),
  current_record_count: numberish.optional(),
  total_record_count: numberish.optional(),
  total_page_no: numberish.optional(),
  products: wrappedArray('product', rawProductSchema),
});

export const linkGenerateResultSchema = z.object({
  total_result_count: numberish.optional(),
  tracking_id: optionalText,
  promotion_links: wrappedArray(
    'promotion_link',
    z.object({ promotion_link: z.string().min(1).max(EXTERNAL_LINK_MAX), source_value: optionalText }),
  ),
});

/**
 * `resp_result`, the API's own status: `resp_code` 200 is success; others come with
 * `resp_msg`, e.g. `{"resp_code":401,"resp_msg":"This publisher is not registered:…"}`
 * (an answer captured from the live gateway in a publisher's test report on GitHub). Some
 * clients on GitHub also met it as a JSON string, so a string is parsed first.
 */
export const respResultSchema = z.preprocess(
  (input) => {
    if (typeof input !== 'string') return input;
    try {
      return JSON.parse(input) as unknown;
    } catch {
      return input;
    }
  },
  z.object({ resp_code: numberish, resp_msg: optionalText, result: z.unknown().optional() }),
);

/**
 * The gateway's own refusal, in the two shapes it has used:
 * - the Open Platform gateway: `{"type":"ISV","code":"IncompleteSignature","msg":"The request
 *   signature does not conform to platform standards","request_id":"…"}` (captured in
 *   https://www.devhide.com/php-aliexpress-affiliation-api-incompletesignature-the-request-signature-does-not-conform-to-platform-standards-77718066);
 * - the older Taobao form: `{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter",
 *   "sub_msg":"…"}` (https://open.alitrip.com/docs/api.htm?apiId=47546, "异常示例").
 */
export const gatewayErrorSchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  msg: optionalText,
  message: optionalText,
  sub_code: optionalText,
  sub_msg: optionalText,
  type: optionalText,
  request_id: optionalText,
});
export type GatewayError = z.infer<typeof gatewayErrorSchema>;
