/**
 * The link history: every link the user copied, from any surface, newest first and bounded.
 * Pure functions; the background owns the single writer (`recordCopy` in lib/background.ts),
 * so two surfaces copying at once cannot overwrite each other's entry.
 */
import { z } from 'zod/mini';

export const HISTORY_LIMIT = 1000;

export const copySurfaceSchema = z.enum(['popup', 'context-menu', 'shortcut', 'batch']);
export type CopySurface = z.infer<typeof copySurfaceSchema>;

export const historyEntrySchema = z.object({
  at: z.number(),
  surface: copySurfaceSchema,
  sourceUrl: z.string().check(z.maxLength(8192)),
  presetId: z.nullable(z.string()),
  presetName: z.nullable(z.string()),
  link: z.string().check(z.maxLength(16384)),
  productId: z.nullable(z.string()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Prepends an entry and drops the oldest past the bound. */
export function appendHistory(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  return [entry, ...entries].slice(0, limit);
}
