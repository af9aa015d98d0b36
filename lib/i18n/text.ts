/**
 * Turns the core's codes into catalog messages. The core never produces user-visible text
 * (so it stays testable and translatable); this is the only place the mapping lives.
 */
import { t, type MessageKey } from './index';
import type { CopyFailure } from '../storage/history';
import type { DeeplinkErrorCode, FieldIssue } from '../networks/types';
import type { InvalidReason, ParsedUrl, Site } from '../url/types';

const INVALID_KEYS: Record<InvalidReason, MessageKey> = {
  empty: 'state_invalid_empty',
  'too-long': 'state_invalid_tooLong',
  'not-a-url': 'state_invalid_notAUrl',
  'unsupported-scheme': 'state_invalid_unsupportedScheme',
};
const DEEPLINK_ERROR_KEYS: Record<DeeplinkErrorCode, MessageKey> = {
  'invalid-url': 'deeplinkError_invalidUrl',
  'not-aliexpress': 'deeplinkError_notAliExpress',
  'short-link': 'deeplinkError_shortLink',
  'invalid-account': 'deeplinkError_invalidAccount',
  'invalid-subids': 'deeplinkError_invalidSubids',
  'needs-api': 'deeplinkError_needsApi',
};

export const siteLabel = (site: Site): string => t(`site_${site}`);


export interface StateText {
  readonly title: string;
  readonly note?: string;
}

/** Headline and explanation for what the popup found in a URL. */
export function describeParsedUrl(parsed: ParsedUrl): StateText {
  switch (parsed.kind) {
    case 'product':
      return { title: t('popup_product', parsed.product.id) };
    case 'store':
      return { title: t('state_store', parsed.storeId), note: t('state_storeNote') };
    case 'page':
      return { title: t(`state_page_${parsed.page}`), note: t('state_pageNote') };
    case 'short-link':
      return { title: t('state_shortLink', parsed.host), note: t('state_shortLinkNote') };
    case 'not-aliexpress':
      return { title: t('state_notAliExpress', parsed.host), note: t('state_notAliExpressNote') };
    case 'invalid':
      return { title: t(INVALID_KEYS[parsed.reason]) };
  }
}

/** The link box's label when it holds the clean URL: it names the kind of page the URL is. */
export function cleanLinkLabel(parsed: ParsedUrl | null): string {
  if (parsed?.kind === 'store') return t('popup_cleanStoreUrl');
  return parsed?.kind === 'page' ? t('popup_cleanPageUrl') : t('popup_cleanUrl');
}

export const deeplinkErrorText = (code: DeeplinkErrorCode): string => t(DEEPLINK_ERROR_KEYS[code]);

export function fieldIssueText(issue: FieldIssue): string {
  switch (issue.code) {
    case 'tooLong':
      return t('validation_tooLong', String(issue.max ?? ''));
    case 'forbiddenChars':
      return t('validation_forbiddenChars', issue.detail ?? '');
    case 'unknownPlaceholder':
      return t('validation_unknownPlaceholder', issue.detail ?? '');
    case 'notAdmitadLink':
      return t('validation_notAdmitadLink', issue.detail ?? '');
    default:
      return t(`validation_${issue.code}`);
  }
}

/** Why a copy failed, as the toolbar badge's tooltip and the link history say it. */
const COPY_FAILURE_KEYS: Readonly<Record<CopyFailure, MessageKey>> = {
  'no-url': 'badge_failure_noUrl',
  'unknown-preset': 'badge_failure_unknownPreset',
  'invalid-url': 'badge_failure_invalidUrl',
  'not-aliexpress': 'badge_failure_notAliExpress',
  'short-link': 'badge_failure_shortLink',
  'invalid-account': 'badge_failure_invalidAccount',
  'invalid-subids': 'badge_failure_invalidSubids',
  'needs-api': 'badge_failure_needsApi',
  'api-error': 'badge_failure_apiError',
  'too-long': 'badge_failure_tooLong',
  'post-template': 'badge_failure_postTemplate',
  clipboard: 'badge_failure_clipboard',
};

export const copyFailureText = (failure: CopyFailure): string => t(COPY_FAILURE_KEYS[failure]);
