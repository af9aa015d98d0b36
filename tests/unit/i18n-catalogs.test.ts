// @vitest-environment node
/**
 * The message catalogs: English, Russian, Spanish and Dutch, the seeds'
 * languages, each with every English key and the same substitutions; and no user-visible text
 * written into the UI code instead of the catalogs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst, transformWithEsbuild } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiLanguage } from '@/lib/i18n/index';
import { FACT_PARAMS } from '@/lib/rates/facts';
import { RULE_PARAMS } from '@/lib/rules/types';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const localesDir = path.join(repoRoot, 'public/_locales');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const load = (locale: string): Record<string, Message> => JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(localesDir);
const translations = locales.filter((locale) => locale !== 'en');
const english = load('en');
/** Chrome's positional substitutions, $1..$9. */
const substitutions = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();
/** Our own template tokens ({url}, {subid1}), which users type as they are. */
const templateTokens = (text: string) => [...text.matchAll(/\{[a-z_0-9]+\}/g)].map((m) => m[0]).sort();

describe('message catalogs', () => {
  it('ships English, Russian, Spanish and Dutch', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ru', 'es', 'nl']));
  });

  it.each(translations)('%s has exactly the English keys', (locale) => {
    const actual = Object.keys(load(locale)).sort();
    expect(actual).toEqual(Object.keys(english).sort());
  });

  it.each(translations)('%s keeps every $n substitution and {token} of the English text', (locale) => {
    const catalog = load(locale);
    for (const [key, { message }] of Object.entries(english)) {
      expect(substitutions(catalog[key]!.message), key).toEqual(substitutions(message));
      expect(templateTokens(catalog[key]!.message), key).toEqual(templateTokens(message));
    }
  });

  it.each(locales)('%s has no empty message and only Chrome-valid keys and placeholders', (locale) => {
    for (const [key, { message, placeholders }] of Object.entries(load(locale))) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      expect(message.trim(), key).not.toBe('');
      // A named $placeholder$ must be declared in the same entry, or Chrome shows it raw.
      for (const [, name] of message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(Object.keys(placeholders ?? {}).map((p) => p.toLowerCase()), `${key}: $${name}$`).toContain(name!.toLowerCase());
      }
    }
  });

  it.each(locales)('%s fits the stores: name at most 75 characters, description at most 132', (locale) => {
    const catalog = load(locale);
    expect(catalog.extName!.message.length).toBeLessThanOrEqual(75);
    expect(catalog.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it.each(locales)('%s names its own language in catalogLanguage (the pages\' lang attribute)', (locale) => {
    expect(load(locale).catalogLanguage?.message).toBe(locale.replace('_', '-'));
  });

  it('every __MSG_key__ of the manifest and the HTML pages is in the catalogs', () => {
    const sources = ['wxt.config.ts', ...htmlPages()].map((file) => readFileSync(path.join(repoRoot, file), 'utf8'));
    const used = sources.flatMap((text) => [...text.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(Object.keys(english), key).toContain(key);
  });
});

describe('uiLanguage: the language of the text on screen', () => {
  it.each([
    { browser: 'en-GB', catalog: 'en', expected: 'en-GB' },
    { browser: 'es-MX', catalog: 'es', expected: 'es-MX' },
    // A browser language with no catalog of ours shows English, so the page is English.
    { browser: 'de-DE', catalog: 'en', expected: 'en' },
    // Chromium with --lang=nl on an English system: the Dutch catalog, getUILanguage() says en-US.
    { browser: 'en-US', catalog: 'nl', expected: 'nl' },
  ])('browser $browser, catalog $catalog: $expected', ({ browser, catalog, expected }) => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(browser);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => (key === 'catalogLanguage' ? catalog : ''));

    const actual = uiLanguage();

    expect(actual).toBe(expected);
  });
});

function htmlPages() {
  return readdirSync(path.join(repoRoot, 'entrypoints'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join('entrypoints', file));
}

// ---------------------------------------------------------------------------------------------
// No user-visible literal in the UI code: every text node and every user-visible attribute in
// components/ and entrypoints/ comes from t(). Product names and technical tokens that read the
// same in every language are the only exceptions, listed here.

const ALLOWED_LITERALS = new Set([
  // The product's name, in the popup's header.
  'Sublink',
  // The rate-table URL field's placeholder: a URL scheme, the same in every language.
  'https://',
]);
/** Attributes a user reads or hears: JSX props by these names may not carry a literal. */
const VISIBLE_ATTRIBUTES = /^(title|alt|placeholder|label|aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|summary|help|error|heading|message|text|caption|legend)$/;
const hasLetters = (text: string) => /\p{L}/u.test(text);

interface Node {
  type: string;
  [key: string]: unknown;
}

/** String literals an expression can evaluate to: `'a'`, `` `a${b}` ``, `c ? 'a' : 'b'`, `c && 'a'`, `'a' + b`. */
function literalsOf(node: Node | null | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : [];
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string } }[]).map((quasi) => quasi.value.cooked);
    case 'ConditionalExpression':
      return [...literalsOf(node.consequent as Node), ...literalsOf(node.alternate as Node)];
    case 'LogicalExpression':
      return literalsOf(node.right as Node);
    case 'BinaryExpression':
      return [...literalsOf(node.left as Node), ...literalsOf(node.right as Node)];
    case 'JSXExpressionContainer':
      return literalsOf(node.expression as Node);
    default:
      return [];
  }
}

function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  yield node as Node;
  for (const value of Object.values(node)) if (value && typeof value === 'object') yield* walk(value);
}

/** Each literal the file shows a user, as `file: kind "text"`. */
async function visibleLiterals(file: string): Promise<string[]> {
  const source = readFileSync(path.join(repoRoot, file), 'utf8');
  // esbuild strips the types and keeps the JSX; Rollup's parser (what Vite builds with) reads it.
  const { code } = await transformWithEsbuild(source, file, { loader: file.endsWith('x') ? 'tsx' : 'ts', jsx: 'preserve' });
  const found: string[] = [];
  const report = (kind: string, text: string) => {
    if (hasLetters(text) && !ALLOWED_LITERALS.has(text.trim())) found.push(`${file}: ${kind} ${JSON.stringify(text.trim())}`);
  };
  for (const node of walk(parseAst(code, { jsx: true }))) {
    if (node.type === 'JSXText') report('text', node.value as string);
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') {
      for (const child of node.children as Node[]) if (child.type === 'JSXExpressionContainer') for (const text of literalsOf(child)) report('text', text);
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name: string }).name;
      if (VISIBLE_ATTRIBUTES.test(name)) for (const text of literalsOf(node.value as Node)) report(`${name}=`, text);
    }
    // The popup's first screen builds plain DOM with h(tag, props, ...children) (components/popup/first-screen/dom.ts).
    if (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier' && (node.callee as { name: string }).name === 'h') {
      const [, props, ...children] = node.arguments as Node[];
      for (const child of children) for (const text of literalsOf(child)) report('text', text);
      for (const property of props?.type === 'ObjectExpression' ? (props.properties as Node[]) : []) {
        const key = property.key as { name?: string; value?: string } | undefined;
        const name = key?.name ?? key?.value ?? '';
        if (VISIBLE_ATTRIBUTES.test(name)) for (const text of literalsOf(property.value as Node)) report(`${name}=`, text);
      }
    }
  }
  return found;
}

const uiFiles = ['components', 'entrypoints'].flatMap((dir) =>
  readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file)),
);

describe('UI code', () => {
  it('has UI files to check', () => {
    expect(uiFiles).toEqual(expect.arrayContaining(['entrypoints/popup/later.tsx', 'components/popup/first-screen/link-box.ts', 'entrypoints/options/App.tsx']));
  });

  it('shows no literal text: every user-visible string comes from the catalogs', async () => {
    const found = (await Promise.all(uiFiles.map(visibleLiterals))).flat();
    expect(found).toEqual([]);
  });

  it('the scan catches a literal text node, a literal label and a literal in a ternary', async () => {
    const probe = path.join('tests', 'fixtures', 'i18n', 'literal-probe.tsx');
    expect(await visibleLiterals(probe)).toEqual([
      `${probe}: text "Save now"`,
      `${probe}: aria-label= "Close"`,
      `${probe}: text "Copied"`,
      `${probe}: title= "Opens the options"`,
    ]);
  });

  it('the scan catches literals in the first screen\'s plain DOM builder', async () => {
    const probe = path.join('tests', 'fixtures', 'i18n', 'literal-probe-dom.ts');
    expect(await visibleLiterals(probe)).toEqual([`${probe}: text "Copy now"`, `${probe}: title= "Default preset"`, `${probe}: text "Nothing yet"`]);
  });
});

describe('country names need no grammatical case', () => {
  // "в Россия" is wrong Russian; "Страна: Россия" is right in every language. Each message that
  // names a country puts it after a colon, where the name stands in its dictionary form.
  const COUNTRY_PARAMS = new Set(['country', 'audienceCountry', 'shipTo']);
  const countryPositions = (params: readonly string[]) => params.flatMap((name, index) => (COUNTRY_PARAMS.has(name) ? [`$${index + 1}`] : []));
  const all: [string, string[]][] = [
    ...Object.entries(FACT_PARAMS).map(([id, params]): [string, string[]] => [`fact_${id}`, countryPositions(params)]),
    ...Object.entries(RULE_PARAMS).map(([code, params]): [string, string[]] => [`rule_${code}`, countryPositions(params)]),
    ['insights_shipToCookie', ['$1']],
    ['insights_shipToSite', ['$1']],
  ];
  const withCountries = all.filter((entry) => entry[1].length > 0);

  it('covers the messages that name a country', () => {
    expect(withCountries.map(([key]) => key)).toEqual(expect.arrayContaining(['fact_deliveryFromAudience', 'rule_nonAffiliateUnpaid', 'insights_shipToSite']));
  });

  it.each(locales.flatMap((locale) => withCountries.map(([key, positions]) => ({ locale, key, positions }))))('$locale $key', ({ locale, key, positions }) => {
    const text = load(locale)[key]?.message ?? '';
    for (const position of positions) expect(text, `${locale} ${key}: "${text}"`).toMatch(new RegExp(`:\\s${position.replace('$', '\\$')}(?!\\d)`));
  });
});
