/** The badge's tooltips from the message catalogs. */
import type { CopyFailure } from '../history';
import { t, type MessageKey } from '../i18n';
import { formatRateExact, type BadgeText } from './view';

const FAILURE_KEYS: Readonly<Record<CopyFailure, MessageKey>> = {
  'no-url': 'badge_failure_noUrl',
  'unknown-preset': 'badge_failure_unknownPreset',
  'invalid-url': 'badge_failure_invalidUrl',
  'not-aliexpress': 'badge_failure_notAliExpress',
  'short-link': 'badge_failure_shortLink',
  'invalid-account': 'badge_failure_invalidAccount',
  'invalid-subids': 'badge_failure_invalidSubids',
  'needs-api': 'badge_failure_needsApi',
  'api-error': 'badge_failure_apiError',
  clipboard: 'badge_failure_clipboard',
};

export const badgeText: BadgeText = {
  copied: () => t('badge_copied'),
  copyFailed: (failure) => t('badge_copyFailed', t(FAILURE_KEYS[failure])),
  product: (productId, estimate) => {
    if (estimate === null) return t('badge_product', productId);
    if (estimate.kind === 'rate') return t('badge_productRate', [productId, formatRateExact(estimate.percent)]);
    return estimate.percent === undefined ? t('badge_productHot', productId) : t('badge_productHotRate', [productId, formatRateExact(estimate.percent)]);
  },
};
