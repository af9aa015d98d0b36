import { describe, expect, it } from 'vitest';
import { defaultPresetOf, initialPresetOf } from '@/lib/presets';
import type { Preset } from '@/lib/presets/types';

const preset = (id: string): Preset => ({ id, name: id, accountId: null, program: 'ww', audienceCountry: null, subIds: {}, keepSku: false });
const blog = preset('blog');
const video = preset('video');
const shorts = preset('shorts');
const presets = [blog, video, shorts];

describe('defaultPresetOf (menu, shortcut, badge, options page, batch converter)', () => {
  it.each([
    { name: 'the chosen default', presets, defaultPresetId: 'video', expected: video },
    { name: 'none chosen: the first in the user\'s order', presets, defaultPresetId: null, expected: blog },
    { name: 'the chosen default was deleted: the first', presets, defaultPresetId: 'gone', expected: blog },
    { name: 'no presets', presets: [], defaultPresetId: 'video', expected: null },
    { name: 'no presets, none chosen', presets: [], defaultPresetId: null, expected: null },
  ])('$name', ({ presets: input, defaultPresetId, expected }) => {
    const actual = defaultPresetOf(input, { defaultPresetId });
    expect(actual).toBe(expected);
  });
});

describe('initialPresetOf (the preset the popup opens with)', () => {
  it.each([
    { name: 'the last used wins over the default', lastUsedPresetId: 'shorts', defaultPresetId: 'video', presets, expected: shorts },
    { name: 'nothing used yet: the default', lastUsedPresetId: null, defaultPresetId: 'video', presets, expected: video },
    { name: 'the last used was deleted: the default', lastUsedPresetId: 'gone', defaultPresetId: 'video', presets, expected: video },
    { name: 'neither exists: the first', lastUsedPresetId: 'gone', defaultPresetId: 'also-gone', presets, expected: blog },
    { name: 'neither chosen: the first', lastUsedPresetId: null, defaultPresetId: null, presets, expected: blog },
    { name: 'an empty last-used id counts as none', lastUsedPresetId: '', defaultPresetId: 'video', presets, expected: video },
    { name: 'no presets', lastUsedPresetId: 'shorts', defaultPresetId: 'video', presets: [], expected: null },
  ])('$name', ({ lastUsedPresetId, defaultPresetId, presets: input, expected }) => {
    const actual = initialPresetOf(input, { lastUsedPresetId, defaultPresetId });
    expect(actual).toBe(expected);
  });
});
