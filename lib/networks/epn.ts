import { isPlainHostname } from './hostname';
import { GENERIC_SUBID_LIMITS, presentSubIds, validateSubIdsWithin } from './subids';
import type { AccountOf, FieldIssue, LinkTarget, Network, SubIdKey, SubIds } from './types';

export type EpnAccount = AccountOf<'epn'>;

/**
 * ePN takes the publisher's first sub-id as `sub` (`…/redirect/cpa/o/<code>/?to=…&sub=…`, as
 * in ePN deeplinks published on GitHub, e.g. `alipromo.com/redirect/cpa/o/<code>/?sub=…&to=…`),
 * and its statistics API reports five sub-ids per transaction, `sub1`..`sub5`
 * (`fields=…,sub1,sub2,sub3,sub4,sub5` on `app.epn.bz/transactions/user`, as ePN API
 * clients on GitHub request them). No ePN page found names the link parameters for slots
 * 2..5; `sub2`..`sub5` follow that numbering and should be checked against ePN's link builder.
 */
export const EPN_SUBID_PARAMS: { readonly [K in SubIdKey]: string } = {
  subid: 'sub',
  subid1: 'sub2',
  subid2: 'sub3',
  subid3: 'sub4',
  subid4: 'sub5',
};

/**
 * The deeplink code is the `/redirect/cpa/o/<code>/` segment: 32 lower-case letters and digits
 * in every ePN link seen (`o3dg77s3ecabxunu8mu33vxvw2nrlxyh`, `sn6o728y02533c8wkahea3zoo0s0qodj`),
 * and the `[a-z0-9]{32}` pattern an open-source URL unwrapper on GitHub uses to recognise ePN clicks.
 */
export const EPN_CODE = /^[a-z0-9]{32}$/;

export const epnNetwork: Network<EpnAccount> = {
  id: 'epn',

  validateAccount(account: EpnAccount): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (account.host === '') issues.push({ field: 'host', code: 'required' });
    else if (!isPlainHostname(account.host)) issues.push({ field: 'host', code: 'badHost', detail: account.host });
    if (account.code === '') issues.push({ field: 'code', code: 'required' });
    else if (!EPN_CODE.test(account.code)) issues.push({ field: 'code', code: 'badCode' });
    return issues;
  },

  validateSubIds(subIds: SubIds): FieldIssue[] {
    return validateSubIdsWithin(subIds, GENERIC_SUBID_LIMITS);
  },

  wrap(target: LinkTarget, account: EpnAccount, subIds: SubIds): string {
    const params = [`to=${encodeURIComponent(target.url)}`];
    for (const [key, value] of presentSubIds(subIds)) {
      params.push(`${EPN_SUBID_PARAMS[key]}=${encodeURIComponent(value)}`);
    }
    return `https://${account.host.toLowerCase()}/redirect/cpa/o/${account.code}/?${params.join('&')}`;
  },
};
