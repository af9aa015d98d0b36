import { validateSubIdsWithin, presentSubIds, type SubIdLimits } from './subids';
import type { AccountOf, FieldIssue, LinkTarget, Network, SubIds } from './types';

export type AdmitadAccount = AccountOf<'admitad'>;

/**
 * Admitad's deeplink generator API documents subid, subid1, subid2 and subid3 as text of
 * "Max number of characters 50" and subid4 as "Max number of characters 120", with the only
 * character rule "Do not use the %00 combination"
 * (https://developers.admitad.com/knowledge-base/article/deeplink-generator_1; the same
 * limits are in docs/architecture.md, 'Domain facts'). Values are otherwise free text, so
 * Sublink URL-encodes them rather than narrowing them to a character class Admitad does not
 * state.
 */
export const ADMITAD_SUBID_LIMITS: SubIdLimits = { subid: 50, subid1: 50, subid2: 50, subid3: 50, subid4: 120 };

/**
 * The code is the path segment of an ad space's link, `https://ad.admitad.com/g/<code>/`.
 * Every one seen is 30 lower-case letters and digits: `9a03752bb275478cca00463f97455a` in the
 * deeplink API's example answer (URL above), `4657cb709efb21a781aacd1ff8c49e` in the
 * admitad-api-client npm package's examples, and the `/g/` links in publishers' configs on GitHub.
 */
export const ADMITAD_CODE = /^[a-z0-9]{30}$/;

/** The host every Admitad deeplink goes to. */
export const ADMITAD_LINK_HOST = 'ad.admitad.com';
const ADMITAD_LINK_BASE = `https://${ADMITAD_LINK_HOST}/g/`;

export const admitadNetwork: Network<AdmitadAccount> = {
  id: 'admitad',

  validateAccount(account: AdmitadAccount): FieldIssue[] {
    if (account.code === '') return [{ field: 'code', code: 'required' }];
    if (!ADMITAD_CODE.test(account.code)) return [{ field: 'code', code: 'badCode' }];
    return [];
  },

  validateSubIds(subIds: SubIds): FieldIssue[] {
    return validateSubIdsWithin(subIds, ADMITAD_SUBID_LIMITS);
  },

  wrap(target: LinkTarget, account: AdmitadAccount, subIds: SubIds): string {
    // ulp first, then only the sub-ids that are set, in slot order (docs/architecture.md, 'Domain facts').
    const params = [`ulp=${encodeURIComponent(target.url)}`];
    for (const [key, value] of presentSubIds(subIds)) params.push(`${key}=${encodeURIComponent(value)}`);
    return `${ADMITAD_LINK_BASE}${account.code}/?${params.join('&')}`;
  },
};
