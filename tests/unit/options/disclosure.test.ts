/**
 * The data disclosure is said twice, in the options page (catalog messages) and in the store
 * listing (docs/store-listing.md): this keeps them the same text, and fails when the manifest
 * gains a permission the disclosure does not explain. Reads `.output/` like manifest-guard.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_ITEMS } from '@/lib/options/disclosure';

const root = path.resolve(import.meta.dirname, '../../..');
const english: Record<string, { message: string }> = JSON.parse(readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8'));
const listing = readFileSync(path.join(root, 'docs/store-listing.md'), 'utf8');

describe('data disclosure', () => {
  it.each(DISCLOSURE_ITEMS.map((item) => item.key))('the store listing says %s word for word', (key) => {
    expect(listing).toContain(english[key]!.message);
  });

  it.each(['chrome-mv3', 'firefox-mv2'])('explains every permission of the %s manifest', (dir) => {
    const file = path.join(root, '.output', dir, 'manifest.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx wxt build; npx wxt build -b firefox)`);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | undefined>;
    const declared = [...(manifest['permissions'] ?? []), ...(manifest['optional_permissions'] ?? []), ...(manifest['optional_host_permissions'] ?? []), ...(manifest['host_permissions'] ?? [])];
    const explained = new Set(DISCLOSURE_ITEMS.flatMap((item) => item.permissions));
    expect(declared.filter((permission) => !explained.has(permission))).toEqual([]);
  });
});
