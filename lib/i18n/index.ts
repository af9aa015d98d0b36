import type catalog from '../../public/_locales/en/messages.json';

/** Every key of the English catalog; the catalog test keeps the other locales in step. */
export type MessageKey = keyof typeof catalog;

/**
 * `i18n.getMessage` is synchronous and the same in Chrome and Firefox, so this reads it from the
 * native namespace: the popup renders its first screen without loading webextension-polyfill,
 * which it needs only for the asynchronous calls that follow a click.
 */
type ExtensionApi = (typeof import('wxt/browser'))['browser'];

const nativeI18n = (): ExtensionApi['i18n'] => {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (scope.browser ?? scope.chrome)!.i18n;
};

/**
 * The one way UI code gets a user-visible string. Falls back to the key so a missing
 * entry shows up as an obvious bug rather than an empty label.
 */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  const subs = substitutions === undefined ? undefined : typeof substitutions === 'string' ? substitutions : [...substitutions];
  return nativeI18n().getMessage(key, subs) || key;
}

/**
 * The language of the text on screen, for `<html lang>` and number formats. Chrome falls back to
 * the default catalog (en) for a browser language we do not ship, and with `--lang` reports
 * getUILanguage() as the OS language while showing the flag's catalog; either way the browser's
 * language can differ from the text's. Its regional form (en-GB, es-MX) is kept when it agrees.
 */
export const uiLanguage = (): string => {
  const browserLanguage = nativeI18n().getUILanguage();
  const shown = nativeI18n().getMessage('catalogLanguage');
  return !shown || browserLanguage.split('-')[0]!.toLowerCase() === shown ? browserLanguage : shown;
};
