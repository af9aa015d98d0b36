export { BADGE_HOST_PERMISSIONS } from './hosts';
export { applyView, type ActionApi } from './action';
export { createCopyFlash, type CopyFlashDeps, type FlashOutcome } from './flash';
export { createProductBadge, type BadgeEstimator, type ProductBadge, type ProductBadgeDeps, type TabInfo } from './product';
export { createBadgeEstimator, createStoredLinkAssessor, type BadgeEstimatorDeps } from './estimate';
export { BADGE_COLORS, FLASH_MS, copyOutcomeView, formatRate, formatRateExact, IDLE_VIEW, productView, type BadgeEstimate, type CopyFlashOutcome, type BadgeText, type BadgeView } from './view';
