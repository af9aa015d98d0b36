/**
 * AliExpress Portals accounts and presets (seed 003). A Portals link is made by the Open Platform
 * API for the publisher's tracking id, so there is no `wrap` here (lib/api/portals-link.ts calls
 * the API in the background); this module holds what is checked locally, without zod, so the
 * options page and the popup can use it.
 */
import { GENERIC_SUBID_LIMITS, validateSubIdsWithin } from './subids';
import type { AccountOf, FieldIssue, SubIds } from './types';

export type PortalsAccount = AccountOf<'portals'>;

/**
 * Open Platform app keys are the numeric "App Key" of the app console (`500123` in the fakes,
 * 6 to 8 digits in publishers' configs on GitHub); letters are allowed too, so a key of another
 * form is not refused for its look. The gateway itself is the judge (`InvalidAppKey`).
 */
export const PORTALS_APP_KEY = /^[A-Za-z0-9]{1,32}$/;

/** Tracking ids are made by the publisher in the Portals console; lib/api/aliexpress.ts sends only this form. */
export const PORTALS_TRACKING_ID = /^[\w.-]{1,64}$/;

export const portalsRules = {
  id: 'portals' as const,

  /** The app key is required; the tracking id may be left empty (the credentials' one is used). */
  validateAccount(account: PortalsAccount): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (account.appKey === '') issues.push({ field: 'appKey', code: 'required' });
    else if (!PORTALS_APP_KEY.test(account.appKey)) issues.push({ field: 'appKey', code: 'badCode' });
    if (account.trackingId !== '' && !PORTALS_TRACKING_ID.test(account.trackingId)) issues.push({ field: 'trackingId', code: 'badCode' });
    return issues;
  },

  /** Portals links carry no sub-ids (the preset's `portals` strings instead); kept linkable all the same. */
  validateSubIds(subIds: SubIds): FieldIssue[] {
    return validateSubIdsWithin(subIds, GENERIC_SUBID_LIMITS);
  },
};
