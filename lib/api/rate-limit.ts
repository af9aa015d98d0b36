/**
 * A small token bucket: `capacity` requests at once, refilled at `refillPerSecond`. Injected into
 * the clients so tests can drive it with a fake clock, and so one bucket can be shared by every
 * client that talks to the same API.
 */
export interface RateLimiter {
  /**
   * Takes one token, waiting for the refill when that takes at most `maxWaitMs`. False when the
   * caller would have to wait longer: the client then answers `rate-limited` at once rather
   * than leaving the popup waiting on a queue.
   */
  acquire(): Promise<boolean>;
}

export interface TokenBucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly now: () => number;
  /** Longest wait for a token before giving up; 0 never waits. */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createTokenBucket({ capacity, refillPerSecond, now, maxWaitMs = 0, sleep = realSleep }: TokenBucketOptions): RateLimiter {
  if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new RangeError('a token bucket needs capacity >= 1 and a positive refill rate');
  let tokens = capacity;
  let updatedAt = now();
  /** Tokens promised to callers that are still sleeping, so two waiters do not count the same refill. */
  let reserved = 0;

  const refill = (): void => {
    const at = now();
    const elapsed = Math.max(0, at - updatedAt);
    tokens = Math.min(capacity, tokens + (elapsed * refillPerSecond) / 1000);
    updatedAt = at;
  };

  return {
    async acquire(): Promise<boolean> {
      refill();
      if (tokens - reserved >= 1) {
        tokens -= 1;
        return true;
      }
      const waitMs = Math.ceil(((1 - (tokens - reserved)) * 1000) / refillPerSecond);
      if (waitMs > maxWaitMs) return false;
      reserved += 1;
      try {
        await sleep(waitMs);
      } finally {
        reserved -= 1;
      }
      refill();
      tokens = Math.max(0, tokens - 1);
      return true;
    },
  };
}
