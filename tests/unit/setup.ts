// The fake browser has no i18n: answer getMessage from the real English catalog, so UI tests
// assert the strings a user actually reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeEvent } from './support/fake-extension-apis';

const catalog: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
);

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  // The fake browser has no runtime.onConnect (UI pages message the background over ports,
  // lib/messaging/port.ts): a fresh stand-in event per test.
  Object.assign(fakeBrowser.runtime, { onConnect: fakeEvent() });
});
