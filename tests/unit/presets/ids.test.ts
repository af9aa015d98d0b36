import { describe, expect, it } from 'vitest';
import { createAccountId, createPresetId } from '../../../lib/presets/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each([
  { name: 'createPresetId', create: createPresetId },
  { name: 'createAccountId', create: createAccountId },
])('$name', ({ create }) => {
  it('returns a random v4 UUID', () => {
    const actual = create();
    expect(actual).toMatch(UUID_V4);
  });

  it('does not repeat', () => {
    const actual = new Set(Array.from({ length: 100 }, () => create())).size;
    expect(actual).toBe(100);
  });

  it('uses the generator it is given', () => {
    const actual = create(() => 'fixed-id');
    expect(actual).toBe('fixed-id');
  });
});
