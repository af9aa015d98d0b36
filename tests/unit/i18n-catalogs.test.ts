import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = path.resolve(import.meta.dirname, '../../public/_locales');
const load = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(localesDir);
const english = load('en');
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('message catalogs', () => {
  it('ships English and Russian', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const actual = Object.keys(load(locale)).sort();
    expect(actual).toEqual(Object.keys(english).sort());
  });

  it.each(locales.filter((l) => l !== 'en'))('%s keeps every $n substitution of the English text', (locale) => {
    const catalog = load(locale);
    for (const [key, { message }] of Object.entries(english)) {
      expect(placeholders(catalog[key]!.message), key).toEqual(placeholders(message));
    }
  });

  it.each(locales)('%s has no empty message and only Chrome-valid keys', (locale) => {
    for (const [key, { message }] of Object.entries(load(locale))) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.trim(), key).not.toBe('');
    }
  });
});
