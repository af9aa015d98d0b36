/**
 * The user's category pick per product: the one place the popup (which writes them), the badge
 * and the batch converter (which read them) agree on their shape. Takes and returns plain
 * values: where they are stored is lib/storage's business.
 */
import { CATEGORY_KEYS, type CategoryKey } from '../rates/types';

/** Product id -> the category the user picked for it. */
export type CategoryPicks = Readonly<Record<string, CategoryKey>>;

export const isCategoryKey = (value: unknown): value is CategoryKey => typeof value === 'string' && (CATEGORY_KEYS as readonly string[]).includes(value);

/** The pick for a product from a stored picks map (any value: a junk map gives no pick). */
export function pickedCategory(picks: unknown, productId: string): CategoryKey | null {
  if (typeof picks !== 'object' || picks === null || !Object.hasOwn(picks, productId)) return null;
  const value = (picks as Record<string, unknown>)[productId];
  return isCategoryKey(value) ? value : null;
}

/** Adds or replaces one pick, keeping the newest `limit` products so the map stays small. */
export function withCategoryPick(picks: unknown, productId: string, key: CategoryKey | null, limit = 500): Record<string, CategoryKey> {
  const current = typeof picks === 'object' && picks !== null ? Object.entries(picks as Record<string, unknown>) : [];
  const kept = current.filter((entry): entry is [string, CategoryKey] => entry[0] !== productId && isCategoryKey(entry[1]));
  const next = key ? [...kept, [productId, key] as [string, CategoryKey]] : kept;
  return Object.fromEntries(next.slice(-limit));
}
