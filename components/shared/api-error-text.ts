import type { ApiErrorView } from '@/lib/api/service';
import { t, type MessageKey } from '@/lib/i18n/index';

/** The catalog text of each kind of API failure (also used by the link-health reasons). */
export const API_ERROR_KEYS: Readonly<Record<ApiErrorView['kind'], MessageKey>> = {
  auth: 'api_error_auth',
  'not-registered': 'api_error_notRegistered',
  'rate-limited': 'api_error_rateLimited',
  timeout: 'api_error_timeout',
  network: 'api_error_network',
  'bad-response': 'api_error_badResponse',
  api: 'api_error_api',
};
/** Sublink's own codes say nothing more than the message; the APIs' codes (401, invalid_client…) help a support request. */
const OWN_CODES = new Set(['local-rate-limit', 'no-answer', 'invalid-input', 'sign-failed', 'missing-credentials']);

/** The one-line reason for an API failure, from the catalog. */
export function apiErrorText(error: ApiErrorView): string {
  if (error.code === 'no-tracking-id') return t('api_error_noTrackingId');
  const text = t(API_ERROR_KEYS[error.kind]);
  return error.code && !OWN_CODES.has(error.code) ? `${text} (${error.code})` : text;
}
