import { describe, expect, it } from 'vitest';
import { parseState } from '@/lib/storage/state';
import { validatePreset } from '@/lib/presets/validate';
import { DEFAULT_POST_TEMPLATE, postTemplateOf, postTemplateProblems, renderPost, type PostFacts } from '@/lib/presets/post-template';

const LINK = 'https://ad.admitad.com/g/abc/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005001.html';
const words = { language: 'en', hot: 'HOT', disclosure: 'Affiliate link: I may earn a commission.' };
const all: PostFacts = { link: LINK, title: 'USB-C cable', ratePercent: 7, hot: true, price: { amount: 3.5, currency: 'USD' } };
const noDisclosure = (text: string) => ({ text, disclosure: false });

describe('renderPost', () => {
  it.each([
    { name: 'every placeholder filled', template: '{title} — {price} {hot} {rate}\n{link}', facts: all, expected: `USB-C cable — $3.50 HOT 7%\n${LINK}` },
    { name: 'no title: the separator after it goes too', template: '{title} — {price} {link} #ad', facts: { ...all, title: null }, expected: `$3.50 ${LINK} #ad` },
    { name: 'no price: the separator before it goes too', template: '{title} — {price}\n{link}', facts: { ...all, price: null }, expected: `USB-C cable\n${LINK}` },
    { name: 'neither title nor price: their line is dropped', template: '{title} — {price}\n{link}', facts: { link: LINK }, expected: LINK },
    { name: 'neither on the link line: no dangling dash', template: '{title} — {price} {link}', facts: { link: LINK }, expected: LINK },
    { name: 'not hot: the label is empty', template: '{hot} {title}\n{link}', facts: { ...all, hot: false }, expected: `USB-C cable\n${LINK}` },
    { name: 'no rate, comma separator', template: '{title}, {rate}\n{link}', facts: { ...all, ratePercent: null }, expected: `USB-C cable\n${LINK}` },
    { name: 'a label line with an empty placeholder is dropped', template: 'Price: {price}\n{link}', facts: { link: LINK }, expected: LINK },
    { name: 'lines without placeholders are kept as written', template: 'Deal of the day!\n\n{link}\n#ad', facts: { link: LINK }, expected: `Deal of the day!\n\n${LINK}\n#ad` },
    { name: 'a title with line breaks stays on its line', template: '{title}\n{link}', facts: { ...all, title: '  Cable\n 2 m  ' }, expected: `Cable 2 m\n${LINK}` },
    { name: 'braces that are not a placeholder are text', template: '{} { x } {link}', facts: { link: LINK }, expected: `{} { x } ${LINK}` },
    { name: 'a fractional rate', template: '{rate} {link}', facts: { link: LINK, ratePercent: 8.25 }, expected: `8.3% ${LINK}` },
    { name: 'an unknown currency code', template: '{price} {link}', facts: { link: LINK, price: { amount: 2, currency: 'XX1' } }, expected: `2 XX1 ${LINK}` },
  ])('$name', ({ template, facts, expected }) => {
    const actual = renderPost(noDisclosure(template), facts, words);
    expect(actual).toEqual({ ok: true, text: expected });
  });

  it('formats numbers for the language', () => {
    const actual = renderPost(noDisclosure('{price} {rate} {link}'), all, { ...words, language: 'de' });
    expect(actual).toEqual({ ok: true, text: `3,50\u00a0$ 7\u00a0% ${LINK}` });
  });

  it.each([
    { name: 'on: the disclosure ends the post', disclosure: true, expected: `USB-C cable — $3.50\n${LINK}\n${words.disclosure}` },
    { name: 'off: no disclosure', disclosure: false, expected: `USB-C cable — $3.50\n${LINK}` },
  ])('disclosure $name', ({ disclosure, expected }) => {
    const actual = renderPost({ text: DEFAULT_POST_TEMPLATE.text, disclosure }, all, words);
    expect(actual).toEqual({ ok: true, text: expected });
  });

  it('the default template has the disclosure on', () => {
    expect(DEFAULT_POST_TEMPLATE.disclosure).toBe(true);
    expect(postTemplateOf({})).toBe(DEFAULT_POST_TEMPLATE);
    expect(postTemplateOf({ post: noDisclosure('{link}') })).toEqual(noDisclosure('{link}'));
  });

  it.each([
    { name: 'an unknown placeholder, named once', template: '{titel} {titel} {link}', expected: [{ code: 'unknown-placeholder', name: 'titel' }] },
    { name: 'no link', template: '{title} — {price}', expected: [{ code: 'no-link' }] },
    { name: 'both', template: '{Price}', expected: [{ code: 'unknown-placeholder', name: 'Price' }, { code: 'no-link' }] },
    { name: 'too long', template: `{link}${'x'.repeat(2000)}`, expected: [{ code: 'too-long', max: 2000 }] },
  ])('refuses a template: $name', ({ template, expected }) => {
    const actual = renderPost(noDisclosure(template), all, words);
    expect(actual).toEqual({ ok: false, problems: expected });
    expect(postTemplateProblems(template)).toEqual(expected);
  });
});

describe('a preset\'s post template in storage', () => {
  // A preset as every release before post templates stored it: no `post` key.
  const storedBeforeTemplates = { id: 'p1', name: 'Blog', accountId: null, program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };

  it('a preset stored before templates reads as the default template, disclosure on', () => {
    const { presets, problems } = parseState({ presets: [storedBeforeTemplates] });
    expect(problems).toEqual([]);
    const actual = postTemplateOf(presets[0]!);
    expect(actual).toEqual({ text: '{title} — {price}\n{link}', disclosure: true });
  });

  it('a saved template reads back as saved', () => {
    const input = { ...storedBeforeTemplates, post: { text: '🔥 {title}\n{link}', disclosure: false } };
    const actual = parseState({ presets: [input] }).presets[0]!;
    expect(postTemplateOf(actual)).toEqual(input.post);
  });

  it.each([
    { name: 'a template past the bound', post: { text: 'x'.repeat(2001), disclosure: true }, expected: 'post.text' },
    { name: 'a disclosure that is not a boolean', post: { text: '{link}', disclosure: 'yes' }, expected: 'post.disclosure' },
  ])('refuses $name, naming the field, and keeps the other presets', ({ post, expected }) => {
    const actual = parseState({ presets: [{ ...storedBeforeTemplates, post }, { ...storedBeforeTemplates, id: 'p2' }] });
    expect(actual.presets.map((p) => p.id)).toEqual(['p2']);
    expect(actual.problems).toMatchObject([{ key: 'presets', index: 0, path: expected }]);
  });
});

describe('validatePreset: the post template as the preset form saves it', () => {
  const preset = { id: 'p1', name: 'Blog', accountId: null, program: 'ww' as const, audienceCountry: null, subIds: {}, keepSku: false };

  it.each([
    { name: 'no template (the default)', post: undefined, expected: [] },
    { name: 'a good template', post: { text: '{hot} {title}\n{link}', disclosure: false }, expected: [] },
    { name: 'an unknown placeholder', post: { text: '{titel} {link}', disclosure: true }, expected: [{ field: 'post.text', code: 'unknownPlaceholder', detail: '{titel}' }] },
    { name: 'no link', post: { text: '{title}', disclosure: true }, expected: [{ field: 'post.text', code: 'missingLinkPlaceholder' }] },
    { name: 'too long', post: { text: `{link}${'x'.repeat(2000)}`, disclosure: true }, expected: [{ field: 'post.text', code: 'tooLong', max: 2000 }] },
  ])('$name', ({ post, expected }) => {
    const actual = validatePreset(post ? { ...preset, post } : preset, [], []);
    expect(actual).toEqual(expected);
  });
});
