import { describe, expect, it } from 'vitest';
import { createSerial } from '@/lib/async/serial';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSerial: one task at a time', () => {
  it('starts each task only when the one before has settled, in call order', async () => {
    const serial = createSerial();
    const events: string[] = [];
    const task = (name: string, waits: number) => async () => {
      events.push(`${name} start`);
      for (let i = 0; i < waits; i++) await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([serial(task('a', 3)), serial(task('b', 1)), serial(task('c', 0))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('a failed task rejects its own caller only, and the next one still runs', async () => {
    const serial = createSerial();
    const failing = serial(async () => {
      throw new Error('storage full');
    });
    const next = serial(async () => 'written');
    await expect(failing).rejects.toThrow('storage full');
    await expect(next).resolves.toBe('written');
  });

  it('a read-modify-write from two callers keeps both changes', async () => {
    const serial = createSerial();
    let stored: readonly string[] = [];
    const append = (item: string) =>
      serial(async () => {
        const read = stored;
        await tick();
        stored = [...read, item];
      });
    await Promise.all([append('first'), append('second')]);
    expect(stored).toEqual(['first', 'second']);
  });
});
