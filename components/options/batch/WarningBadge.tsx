import type { RuleCode, Warning } from '@/lib/rules';
import { t, type MessageKey } from '@/lib/i18n/index';
import { TipBadge } from './TipBadge';

/** A short label per warning code: the full text is one hover, focus or screen-reader read away. */
const BADGE_LABEL: Record<RuleCode, MessageKey> = {
  audienceUnknown: 'batch_badge_audienceUnknown',
  paysShareOfOtherProgram: 'batch_badge_paysShareOfOtherProgram',
  nonAffiliateUnpaid: 'batch_badge_nonAffiliateUnpaid',
  affiliateUnknown: 'batch_badge_affiliateUnknown',
  brazilComputerOffice: 'batch_badge_brazilComputerOffice',
  virtualNoCommission: 'batch_badge_virtualNoCommission',
  noCommissionStore: 'batch_badge_noCommissionStore',
  storeExcluded: 'batch_badge_storeExcluded',
  tmallFromRussia: 'batch_badge_tmallFromRussia',
  russianSellerExcluded: 'batch_badge_russianSellerExcluded',
  hotNeedsProductLink: 'batch_badge_hotNeedsProductLink',
  nonProductPage: 'batch_badge_nonProductPage',
  sClickLink: 'batch_badge_sClickLink',
  appShareLink: 'batch_badge_appShareLink',
  nonUsdPayment: 'batch_badge_nonUsdPayment',
  euServiceFee: 'batch_badge_euServiceFee',
  saleFirstCookieWin: 'batch_badge_saleFirstCookieWin',
  salePaymentWindow: 'batch_badge_salePaymentWindow',
};

export interface WarningBadgeProps {
  warning: Warning;
  /** The warning's whole sentence in the user's language. */
  text: string;
}

/** A warning as a short badge; its rank and sentence are in the tooltip and the accessible text. */
export function WarningBadge({ warning, text }: WarningBadgeProps) {
  return <TipBadge label={t(BADGE_LABEL[warning.code])} tip={`${t(`rule_rank_${warning.rank}`)}: ${text}`} tone={warning.rank} />;
}
