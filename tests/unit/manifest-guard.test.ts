/**
 * Guards the hard rules on the built manifests (docs/architecture.md, 'Hard rules' 1 and 4): nothing is ever
 * injected into pages, and install-time permissions stay inside a per-browser allowlist.
 * Reads `.output/`, so `npm test` builds both targets before the unit tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const targets = [
  { dir: 'chrome-mv3', allowed: ['activeTab', 'storage', 'contextMenus', 'clipboardWrite', 'alarms', 'offscreen'] },
  { dir: 'firefox-mv2', allowed: ['activeTab', 'storage', 'contextMenus', 'menus', 'clipboardWrite', 'alarms'] },
];

function readManifest(dir: string): Record<string, unknown> {
  const file = path.join(root, '.output', dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx wxt build; npx wxt build -b firefox)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

const isHostPattern = (p: string) => p.includes('://') || p === '<all_urls>';

describe.each(targets)('$dir manifest', ({ dir, allowed }) => {
  const manifest = readManifest(dir);
  const permissions = (manifest.permissions as string[] | undefined) ?? [];

  it('declares no content script', () => {
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  it('does not ask for scripting or any page-touching API', () => {
    for (const forbidden of ['scripting', 'tabs', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'cookies', 'notifications', 'history']) {
      expect(permissions).not.toContain(forbidden);
    }
  });

  it('asks at install only for allowlisted permissions and no host access', () => {
    const actual = permissions.filter((p) => !allowed.includes(p));
    expect(actual).toEqual([]);
    expect(permissions.filter(isHostPattern)).toEqual([]);
    expect((manifest.host_permissions as string[] | undefined) ?? []).toEqual([]);
  });

  it('keeps host access optional, and only for AliExpress, the APIs, or a rate table the user names', () => {
    const optional = [...((manifest.optional_permissions as string[] | undefined) ?? []), ...((manifest.optional_host_permissions as string[] | undefined) ?? [])];
    // `https://*/*` is declared so that the one origin of a user's rate-table URL can be requested
    // at runtime (Chrome only grants origins that are declared); it is never granted wholesale.
    for (const p of optional.filter(isHostPattern)) expect(p).toMatch(/^https:\/\/(\*\.aliexpress\.(com|ru|us)|[\w.-]*admitad\.com|api-sg\.aliexpress\.com|\*)\/\*$/);
    for (const p of optional.filter((p) => !isHostPattern(p))) expect(['cookies']).toContain(p);
  });

  it('exposes no page to websites and loads no remote code', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/https?:|unsafe-eval/);
  });

  it('is localised', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
  });
});

describe('chrome-mv3 manifest: the oldest Chrome it can run in', () => {
  it('asks for Chrome 116, the first with runtime.getContexts (the clipboard finds its offscreen document with it)', () => {
    const manifest = readManifest('chrome-mv3');
    expect(manifest.minimum_chrome_version).toBe('116');
    const clipboard = readFileSync(path.join(root, 'lib/background/clipboard/browser.ts'), 'utf8');
    expect(clipboard).toContain('runtime.getContexts');
  });
});

describe('firefox-mv2 manifest: the data-collection consent', () => {
  it('collects nothing by default, and declares what the API feature sends as optional, asked for with the API hosts', () => {
    const manifest = readManifest('firefox-mv2');
    const gecko = (manifest.browser_specific_settings as { gecko: { data_collection_permissions: unknown } }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'], optional: ['browsingActivity', 'authenticationInfo'] });
    const credentialsModel = readFileSync(path.join(root, 'lib/options/credentials-model.ts'), 'utf8');
    expect(credentialsModel).toContain('data_collection');
  });
});
