import { t } from '@/lib/i18n/index';
import type { LinkHealthResult, LinkHealthStatus } from '@/lib/storage/link-health';
import { HEALTH_REASON_KEYS, HEALTH_STATUS_KEYS, healthRateText } from '../LinkHealth';
import { TipBadge, type TipBadgeProps } from './TipBadge';

/** Dead or unpaid links are as bad as a blocking warning; a changed rate is worth a look; a failed check is a cost of not knowing. */
const TONE: Readonly<Record<LinkHealthStatus, TipBadgeProps['tone']>> = {
  ok: 'note',
  'rate-changed': 'info',
  'not-affiliate': 'blocking',
  gone: 'blocking',
  error: 'costly',
  unchecked: 'costly',
};

/** A row's last re-check as a badge: the status, with the rate (old → new when it changed) or the reason in its tip. */
export function HealthBadge({ result, formatNumber }: { result: LinkHealthResult; formatNumber: (value: number) => string }) {
  const status = t(HEALTH_STATUS_KEYS[result.status]);
  const rate = healthRateText(result, formatNumber);
  const label = result.status === 'rate-changed' && rate ? `${status}: ${rate}` : status;
  const tip = [status, rate, result.hot ? t('post_hot') : null, result.reason ? t(HEALTH_REASON_KEYS[result.reason]) : null, result.title ?? null].filter(Boolean).join(' · ');
  return <TipBadge label={label} tip={tip} tone={TONE[result.status]} testId="batch-health-badge" />;
}
