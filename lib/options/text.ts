/**
 * Catalog messages for the options page's history, batch and import codes (lib/i18n/text.ts does
 * the popup's). The core returns codes; this is where they become sentences.
 */
import type { BatchError } from '../batch/convert';
import type { CopySurface } from '../storage/history';
import { t, type MessageKey } from '../i18n/index';
import type { ImportError } from './settings-transfer';
import { deeplinkErrorText, fieldIssueText } from '../i18n/text';

export { copyFailureText } from '../i18n/text';
import type { InvalidReason } from '../url/types';
import { rateCacheErrorMessage, type RateCacheError } from '../rates/index';
import { hotFailureMessage, type HotFailureCode } from '../hotlist/index';
import { isQuotaMessage, type SaveError } from '../storage/local';

const SURFACE_KEYS: Readonly<Record<CopySurface, MessageKey>> = {
  popup: 'history_surface_popup',
  'context-menu': 'history_surface_contextMenu',
  shortcut: 'history_surface_shortcut',
  batch: 'history_surface_batch',
  history: 'history_surface_history',
};

const INVALID_KEYS: Readonly<Record<InvalidReason, MessageKey>> = {
  empty: 'batch_error_empty',
  'too-long': 'batch_error_tooLong',
  'not-a-url': 'batch_error_notAUrl',
  'unsupported-scheme': 'batch_error_unsupportedScheme',
};

export const surfaceText = (surface: CopySurface): string => t(SURFACE_KEYS[surface]);

export function batchErrorText(error: BatchError): string {
  switch (error.code) {
    case 'invalid-url':
      return t(INVALID_KEYS[error.reason]);
    case 'not-aliexpress':
      return t('batch_error_notAliExpress', error.host);
    case 'short-link':
      return t('batch_error_shortLink', error.host);
    default:
      return deeplinkErrorText(error.code);
  }
}

const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  name: 'options_presetName',
  accountId: 'options_presetAccount',
  audienceCountry: 'options_presetAudience',
  program: 'options_presetProgram',
};

/** `presets.2.subIds.subid4` -> "preset 3, subid4". */
function placeText(path: string): string {
  const [list, index, ...rest] = path.split('.');
  const field = rest.join('.');
  const fieldLabel = FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field.replace(/^subIds\./, '');
  if ((list === 'presets' || list === 'accounts') && index !== undefined && /^\d+$/.test(index)) {
    const item = t(list === 'presets' ? 'transfer_place_preset' : 'transfer_place_account', String(Number(index) + 1));
    return fieldLabel ? `${item}, ${fieldLabel}` : item;
  }
  return path;
}


export function importErrorText(error: ImportError | { readonly code: 'unreadable' }): string {
  switch (error.code) {
    case 'tooLarge':
      return t('transfer_error_tooLarge');
    case 'notJson':
      return t('transfer_error_notJson');
    case 'foreign':
      return t('transfer_error_foreign');
    case 'newerVersion':
      return t('transfer_error_newerVersion', String(error.version));
    case 'unreadable':
      return t('transfer_error_unreadable');
    case 'invalid':
      // The forms' sentence where there is one; else the schema's own (English) words, which still say what is wrong.
      return t('transfer_error_invalid', [placeText(error.path), error.issue ? fieldIssueText(error.issue) : error.message]);
  }
}

/** Why the rate table is not current; a full storage in words rather than the browser's. */
export function rateErrorText(error: RateCacheError): string {
  if (error.code === 'storage' && isQuotaMessage(error.message)) return t('rate_error_storageFull');
  const { key, substitutions } = rateCacheErrorMessage(error);
  return t(key as MessageKey, substitutions);
}

/** Why a hot-list import stored nothing: the file refused, or storage full (the lists before kept). */
export function hotImportFailureText(failure: { readonly reason: { readonly code: HotFailureCode; readonly detail?: string } } | { readonly saveError: SaveError }): string {
  if ('saveError' in failure) return failure.saveError.kind === 'quota' ? t('hotImport_storageFull') : t('hotImport_storageFailed', failure.saveError.message);
  const { key, substitutions } = hotFailureMessage(failure.reason);
  return t(key as MessageKey, substitutions);
}
