/**
 * The product facts the publisher types in the popup, read off the product page: the price, the
 * kind of store and the seller's country. No URL or API answer carries the store kinds of seeds
 * 001 and 002 or the seller's country (./store-kind.ts), so without this the rules that need them
 * never fire. Stored per product like the category picks (./category-picks.ts); the popup writes
 * them, the badge and the context menu read them. Plain values in and out, no zod: the popup
 * reads them, and stored values are untrusted, so every reader goes through `typedFactsOf`.
 */
import { CURRENCIES, STORE_KINDS, type StoreKind } from '../rates/types';

/**
 * A store kind the publisher can state: one the seeds treat specially, or `regular` for a store
 * they do not single out. `regular` is a statement too: it overrides the URL's host.
 */
export const TYPED_STORE_KINDS = ['regular', ...STORE_KINDS] as const;
export type TypedStoreKind = (typeof TYPED_STORE_KINDS)[number];

/**
 * The sellers' countries the seeds tell apart: seed 002 (`002_30d8551d32219963.txt`) rates
 * "Russian sellers" apart from "foreign sellers (not from Russia / crossborder)", and seed 004
 * (`004_8627bb1cc9c85cbb.txt`) pays "ONLY ... products of sellers from PRC". China is a
 * crossborder seller for seed 002 and the one seed 004 pays, so these two answer every rule;
 * a seller from elsewhere is left unknown rather than guessed.
 */
export const TYPED_SELLER_COUNTRIES = ['CN', 'RU'] as const;
export type TypedSellerCountry = (typeof TYPED_SELLER_COUNTRIES)[number];

/** Prices a publisher could read off a product page; anything else is a typing slip. */
export const TYPED_PRICE_MAX = 1_000_000;

export interface TypedPrice {
  readonly amount: number;
  readonly currency: string;
}

export interface TypedProductFacts {
  readonly price?: TypedPrice;
  readonly storeKind?: TypedStoreKind;
  readonly sellerCountry?: TypedSellerCountry;
}

export type TypedFactName = keyof TypedProductFacts;

/**
 * What the publisher typed, one entry per product, newest last. A list rather than a map keyed by
 * product id: an object orders integer-like keys numerically, not by insertion, so a map could
 * not tell which product is the oldest.
 */
export type ProductFactsEntry = TypedProductFacts & { readonly productId: string };
export type ProductFactsStore = readonly ProductFactsEntry[];

/** At most this many products keep their facts; the oldest go first. */
export const PRODUCT_FACTS_LIMIT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Currencies offered for a typed price: the seeds' (USD, EUR, RUB). */
export const TYPED_CURRENCIES: readonly string[] = CURRENCIES;

export function typedPriceOf(value: unknown): TypedPrice | undefined {
  if (!isRecord(value)) return undefined;
  const { amount, currency } = value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > TYPED_PRICE_MAX) return undefined;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amount, currency };
}

/** One product's entry, with every value that is not a known fact dropped. */
function readEntry(value: unknown): TypedProductFacts {
  if (!isRecord(value)) return {};
  const price = typedPriceOf(value['price']);
  const storeKind = oneOf(TYPED_STORE_KINDS, value['storeKind']);
  const sellerCountry = oneOf(TYPED_SELLER_COUNTRIES, value['sellerCountry']);
  return { ...(price ? { price } : {}), ...(storeKind ? { storeKind } : {}), ...(sellerCountry ? { sellerCountry } : {}) };
}

const isEmpty = (facts: TypedProductFacts) => facts.price === undefined && facts.storeKind === undefined && facts.sellerCountry === undefined;

const productIdOf = (value: unknown): string | null => (isRecord(value) && typeof value['productId'] === 'string' && /^\d{1,20}$/.test(value['productId']) ? value['productId'] : null);

/** What the publisher typed for a product, from the stored list (any value: junk gives nothing; the newest entry wins). */
export function typedFactsOf(stored: unknown, productId: string): TypedProductFacts {
  if (!Array.isArray(stored)) return {};
  const entry = stored.findLast((value: unknown) => productIdOf(value) === productId);
  return readEntry(entry);
}

/**
 * The stored list with one product's facts set or cleared (`undefined` clears one): that product
 * moves to the newest place, entries that hold nothing readable are dropped, and only the newest
 * `limit` products are kept, so the list stays small.
 */
export function withTypedFacts(stored: unknown, productId: string, change: { readonly [K in TypedFactName]?: TypedProductFacts[K] | undefined }, limit = PRODUCT_FACTS_LIMIT): ProductFactsEntry[] {
  const current: readonly unknown[] = Array.isArray(stored) ? stored : [];
  const kept: ProductFactsEntry[] = [];
  for (const value of current) {
    const id = productIdOf(value);
    const facts = readEntry(value);
    if (id !== null && id !== productId && !isEmpty(facts)) kept.push({ productId: id, ...facts });
  }
  const merged: Record<string, unknown> = { ...typedFactsOf(stored, productId) };
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const next = readEntry(merged);
  const entries = isEmpty(next) ? kept : [...kept, { productId, ...next }];
  return entries.slice(-limit);
}

/** The store kind the estimate uses: the publisher's word over the URL's host; `regular` is none. */
export function storeKindWithTyped(typed: TypedStoreKind | undefined, fromUrl: StoreKind | null): StoreKind | null {
  if (typed === undefined) return fromUrl;
  return typed === 'regular' ? null : typed;
}

/**
 * Reads a price as typed in any of the popup's languages: "12.99", "12,99", "1 299,50",
 * "1,299.50". The last `.` or `,` followed by one or two digits is the decimal mark; other
 * separators group thousands. Null for anything else, so a slip is reported, never guessed.
 */
export function parseTypedAmount(input: string): number | null {
  const compact = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const wholePart = decimal ? compact.slice(0, decimal.index) : compact;
  // Thousands come in groups of three: "1,2,3" is a slip, not 123.
  if (!/^(?:\d+|\d{1,3}(?:[.,]\d{3})+)$/.test(wholePart)) return null;
  // One mark cannot both group thousands and separate decimals: "12.999.1" is a slip.
  if (decimal && wholePart.includes(compact[decimal.index]!)) return null;
  const whole = wholePart.replace(/[.,]/g, '');
  const amount = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(amount) && amount > 0 && amount <= TYPED_PRICE_MAX ? amount : null;
}
