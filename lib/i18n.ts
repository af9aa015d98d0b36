import { browser } from 'wxt/browser';
import type catalog from '../public/_locales/en/messages.json';

/** Every key of the English catalog; the catalog test keeps the other locales in step. */
export type MessageKey = keyof typeof catalog;

/**
 * The one way UI code gets a user-visible string. Falls back to the key so a missing
 * entry shows up as an obvious bug rather than an empty label.
 */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  const subs = substitutions === undefined ? undefined : typeof substitutions === 'string' ? substitutions : [...substitutions];
  return browser.i18n.getMessage(key, subs) || key;
}
