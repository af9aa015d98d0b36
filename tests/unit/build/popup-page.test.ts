/**
 * The popup's build steps (scripts/build/popup-page.ts), on strings and on the built output:
 * its startup code is one file and its CSS is inlined, so nothing but one script fetch stands
 * between the popup opening and its code running. `npm test` builds before the unit tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPopupAlone, inlineStylesheetLinks, isPopupAloneGroup } from '../../../scripts/build/popup-page';

const CSS = ':root{color:red}';
const assets: Record<string, string> = { 'assets/popup-abc.css': CSS };
const read = (file: string) => assets[file];

describe('inlineStylesheetLinks', () => {
  it('replaces a link to a bundled stylesheet with its text', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="/assets/popup-abc.css"></head>';
    expect(inlineStylesheetLinks(html, read)).toEqual({ html: `<head><style>${CSS}</style></head>`, inlined: ['assets/popup-abc.css'] });
  });

  it('accepts either attribute order, single quotes and a relative href', () => {
    const html = "<link href='./assets/popup-abc.css' rel='stylesheet'>";
    expect(inlineStylesheetLinks(html, read).html).toBe(`<style>${CSS}</style>`);
  });

  it('leaves other links, remote or unknown stylesheets, and CSS that would close the element', () => {
    const html = [
      '<link rel="modulepreload" href="/chunks/a.js">',
      '<link rel="icon" href="/assets/popup-abc.css">',
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      '<link rel="stylesheet" href="//cdn.example/x.css">',
      '<link rel="stylesheet" href="/assets/missing.css">',
      '<link rel="stylesheet" href="/assets/evil.css">',
    ].join('');
    const result = inlineStylesheetLinks(html, (file) => (file === 'assets/evil.css' ? 'a{}</style><script>' : read(file)));
    expect(result).toEqual({ html, inlined: [] });
  });
});

describe('buildPopupAlone', () => {
  it('moves the popup out of the HTML pages group into its own group', () => {
    const popup = { type: 'popup' };
    const options = { type: 'options' };
    const background = { type: 'background' };
    const groups: ({ type: string } | { type: string }[])[] = [[popup, options], background];
    expect(buildPopupAlone(groups)).toBe(true);
    expect(groups).toEqual([[options], background, [popup]]);
    expect(isPopupAloneGroup([popup])).toBe(true);
    expect(isPopupAloneGroup([options])).toBe(false);
  });

  it('does nothing when the popup is already alone or absent', () => {
    const groups = [[{ type: 'popup' }], [{ type: 'options' }, { type: 'unlisted-page' }]];
    expect(buildPopupAlone(groups)).toBe(false);
    expect(groups).toEqual([[{ type: 'popup' }], [{ type: 'options' }, { type: 'unlisted-page' }]]);
  });
});

const root = path.resolve(import.meta.dirname, '../../..');
describe.each(['chrome-mv3', 'firefox-mv2'])('the built popup (%s)', (target) => {
  const dir = path.join(root, '.output', target);
  const popupHtml = path.join(dir, 'popup.html');
  if (!existsSync(popupHtml)) throw new Error(`${popupHtml} is missing: build first (npx wxt build; npx wxt build -b firefox)`);
  const html = readFileSync(popupHtml, 'utf8');

  it('carries its CSS inline and links no stylesheet', () => {
    expect(html).not.toMatch(/<link[^>]*stylesheet/i);
    expect(html).toMatch(/<style>[^<]*--accent/);
  });

  it('loads its startup code as one module with no static import, plus the classic preload script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)><\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/src="\/popup-preload\.js"/);
    const entry = /type="module"[^>]*src="\/([^"]+)"/.exec(scripts[1]!)?.[1];
    expect(entry).toBeDefined();
    const code = readFileSync(path.join(dir, entry!), 'utf8');
    expect(code).not.toMatch(/(^|[;}\s])import\s*[{"'*\w]/);
    expect(html).not.toMatch(/modulepreload/);
  });
});
