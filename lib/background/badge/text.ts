/** The badge's tooltips from the message catalogs. */
import { t, uiLanguage, type MessageKey } from '../../i18n/index';
import { copyFailureText } from '../../i18n/text';
import { catalogFormatters } from '../../rates/format';
import { warningMessage } from '../../rules';
import { formatRateExact, type BadgeText } from './view';
import type { DeadLinkText } from './dead-links';

export const badgeText: BadgeText = {
  copied: () => t('badge_copied'),
  copiedEarnsNothing: (warning) => {
    const message = warningMessage(warning, catalogFormatters((key) => t(key as MessageKey), uiLanguage()));
    return t('badge_copiedEarnsNothing', t(message.key, message.substitutions));
  },
  copyFailed: (failure) => t('badge_copyFailed', copyFailureText(failure)),
  historyNotSaved: (kind) => t(kind === 'quota' ? 'badge_historyNotSavedFull' : 'badge_historyNotSaved'),
  product: (productId, estimate) => {
    if (estimate === null) return t('badge_product', productId);
    if (estimate.kind === 'rate') return t('badge_productRate', [productId, formatRateExact(estimate.percent)]);
    return estimate.percent === undefined ? t('badge_productHot', productId) : t('badge_productHotRate', [productId, formatRateExact(estimate.percent)]);
  },
};

/** The weekly re-check's count: its tooltip, and the manifest's title (`__MSG_actionTitle__`) for when it goes. */
export const deadLinkText: DeadLinkText = {
  deadLinks: (dead, checked) => {
    const num = new Intl.NumberFormat(uiLanguage());
    return t('badge_deadLinks', [num.format(dead), num.format(checked)]);
  },
  defaultTitle: () => t('actionTitle'),
};
