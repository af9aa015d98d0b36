import { z } from 'zod';

/**
 * Where per-product answers are kept between popup opens. Storage-like and async so the
 * background can back it with `storage.session` (or `storage.local`); `createMemoryCacheStore`
 * serves tests and a service worker that has not persisted anything yet. Values are plain JSON.
 * Never holds secrets: keys carry the app key or client id (public identifiers), never a secret
 * or a token.
 */
export interface CacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The rule: reopening the popup within the hour costs no request. */
export const DEFAULT_CACHE_TTL_MS = 60 * 60 * 1000;

const envelope = z.object({ storedAt: z.number(), value: z.unknown() });

export interface TtlCache {
  /** The value stored under `key` less than the TTL ago that still matches `schema`, else undefined. */
  read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  write(key: string, value: unknown): Promise<void>;
}

/**
 * A TTL view over a `CacheStore`. Stored entries are untrusted (docs/architecture.md, 'Hard rules' 5: another
 * version may have written them, or a user may have edited storage), so each read is validated
 * with the answer's own schema; a bad or stale entry is a miss. A store that fails is a miss too:
 * the cache must never turn a good answer into an error.
 */
export function createTtlCache(store: CacheStore | undefined, now: () => number, ttlMs: number = DEFAULT_CACHE_TTL_MS): TtlCache {
  return {
    async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
      if (!store) return undefined;
      let raw: unknown;
      try {
        raw = await store.get(key);
      } catch {
        return undefined;
      }
      const entry = envelope.safeParse(raw);
      if (!entry.success) return undefined;
      const age = now() - entry.data.storedAt;
      if (age < 0 || age >= ttlMs) return undefined;
      const value = schema.safeParse(entry.data.value);
      return value.success ? value.data : undefined;
    },
    async write(key: string, value: unknown): Promise<void> {
      if (!store) return;
      try {
        await store.set(key, { storedAt: now(), value });
      } catch {
        // A full or unavailable store only costs a request next time.
      }
    },
  };
}

/** An in-memory store that keeps at most `maxEntries`, dropping the oldest first. */
export function createMemoryCacheStore({ maxEntries = 500 }: { maxEntries?: number } = {}): CacheStore & { readonly size: number } {
  const entries = new Map<string, unknown>();
  return {
    get size() {
      return entries.size;
    },
    async get(key: string): Promise<unknown> {
      const value = entries.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    async set(key: string, value: unknown): Promise<void> {
      entries.delete(key);
      entries.set(key, structuredClone(value));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}
