/**
 * A Portals preset's own fields (seed 003): a tracking id override and the custom tracking
 * strings `af`, `cn`, `cv`, `dp`. Read by the options page (validation) and the background (the
 * link); kept apart from ./portals.ts so the popup's startup bundle does not carry them.
 */
import { characterCount, findForbiddenSubIdText, GENERIC_SUBID_MAX } from './subids';
import { PORTALS_TRACKING_ID, type PortalsAccount } from './portals';
import type { FieldIssue } from './types';

/** Seed 003: "The custom tracking strings (af, cn, cv, dp) cannot be changed to different names". */
export const PORTALS_TRACKING_KEYS = ['af', 'cn', 'cv', 'dp'] as const;
export type PortalsTrackingKey = (typeof PORTALS_TRACKING_KEYS)[number];

/**
 * Seed 003's meanings: `af` sub-affiliate tracking id ("Without af, the report will be a cluster
 * of data"), `cn` campaign id, `cv` creative id, `dp` a dynamic parameter. All optional.
 */
export type PortalsTracking = { readonly [K in PortalsTrackingKey]?: string };

/**
 * Seed 003 states no length or alphabet ("You can customize your tracking characters"), so
 * Sublink applies the same rules as to sub-ids of networks without published limits: no
 * control characters, unpaired surrogates or `%00`, at most GENERIC_SUBID_MAX characters.
 */
export function validatePortalsTracking(tracking: PortalsTracking): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of PORTALS_TRACKING_KEYS) {
    const value = tracking[key];
    if (value === undefined || value === '') continue;
    const field = `portals.${key}`;
    const forbidden = findForbiddenSubIdText(value);
    if (forbidden !== undefined) issues.push({ field, code: 'forbiddenChars', detail: forbidden });
    if (characterCount(value) > GENERIC_SUBID_MAX) issues.push({ field, code: 'tooLong', max: GENERIC_SUBID_MAX });
  }
  return issues;
}

/** A preset's Portals fields: the tracking id override and the custom tracking strings. */
export interface PresetPortals extends PortalsTracking {
  /** Overrides the account's tracking id for this preset ('' or absent: the account's). */
  readonly trackingId?: string;
}

export function validatePresetPortals(portals: PresetPortals | undefined): FieldIssue[] {
  if (!portals) return [];
  const issues = validatePortalsTracking(portals);
  const trackingId = portals.trackingId ?? '';
  if (trackingId !== '' && !PORTALS_TRACKING_ID.test(trackingId)) issues.unshift({ field: 'portals.trackingId', code: 'badCode' });
  return issues;
}

/** The tracking id a Portals link is made for: the preset's, else the account's, else the credentials' default. */
export function portalsTrackingId(presetTrackingId: string | undefined, account: PortalsAccount, fallback: string | undefined): string | undefined {
  for (const candidate of [presetTrackingId, account.trackingId, fallback]) if (candidate) return candidate;
  return undefined;
}
