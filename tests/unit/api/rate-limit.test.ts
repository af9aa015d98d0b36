// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../lib/api/rate-limit';
import { createClock } from './support';

function bucket(options: { capacity: number; refillPerSecond: number; maxWaitMs?: number }) {
  const clock = createClock(0);
  const slept: number[] = [];
  const limiter = createTokenBucket({
    ...options,
    now: clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
  });
  return { clock, slept, limiter };
}

describe('createTokenBucket', () => {
  it('lets a burst of `capacity` requests through, then refuses without waiting', async () => {
    const { limiter } = bucket({ capacity: 3, refillPerSecond: 1 });
    const actual = [await limiter.acquire(), await limiter.acquire(), await limiter.acquire(), await limiter.acquire()];
    expect(actual).toEqual([true, true, true, false]);
  });

  it('refills over time, never beyond capacity', async () => {
    const { clock, limiter } = bucket({ capacity: 2, refillPerSecond: 2 });
    await limiter.acquire();
    await limiter.acquire();
    clock.advance(500);
    expect(await limiter.acquire()).toBe(true);
    expect(await limiter.acquire()).toBe(false);
    clock.advance(60_000);
    const actual = [await limiter.acquire(), await limiter.acquire(), await limiter.acquire()];
    expect(actual).toEqual([true, true, false]);
  });

  it('waits for the next token when that fits in maxWaitMs', async () => {
    const { slept, limiter } = bucket({ capacity: 1, refillPerSecond: 4, maxWaitMs: 300 });
    await limiter.acquire();
    expect(await limiter.acquire()).toBe(true);
    expect(slept).toEqual([250]);
  });

  it('does not promise the same refill to two waiters', async () => {
    const clock = createClock(0);
    const waits: number[] = [];
    const wakeUps: Array<() => void> = [];
    const limiter = createTokenBucket({
      capacity: 1,
      refillPerSecond: 1,
      maxWaitMs: 1500,
      now: clock,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => wakeUps.push(resolve));
      },
    });
    await limiter.acquire();
    const first = limiter.acquire();
    // The second caller would need the refill after the one already promised: 2 s, over the limit.
    expect(await limiter.acquire()).toBe(false);
    clock.advance(1000);
    wakeUps.forEach((wake) => wake());
    expect(await first).toBe(true);
    expect(waits).toEqual([1000]);
  });

  it('does not accept a bucket that can never serve', () => {
    expect(() => createTokenBucket({ capacity: 0, refillPerSecond: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ capacity: 1, refillPerSecond: 0, now: () => 0 })).toThrow(RangeError);
  });
});
