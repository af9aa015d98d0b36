import type { ParsedUrl, ProductRef } from '../url/types';
import type { Preset } from '../presets/types';
import { accountSchema, ACCOUNT_ID_MAX, ACCOUNT_NAME_MAX, fieldIssuesFromSchema } from './schema';
import { isLocalAccount, networkRegistry, validateNetworkAccount, validateSubIdsFor, wrapWithAccount } from './registry';
import { resolveTarget, type ResolvedTarget } from './target';
import type { Account, DeeplinkResult, FieldIssue } from './types';

export type * from './types';
export { SUBID_KEYS } from './types';
export { accountSchema, fieldIssuesFromSchema, ACCOUNT_ID_MAX, ACCOUNT_NAME_MAX } from './schema';
export { networkIds, networkRegistry, validateSubIdsFor, isLocalAccount } from './registry';
export { portalsRules, PORTALS_APP_KEY, PORTALS_TRACKING_ID, type PortalsAccount } from './portals';
export type { PortalsTracking, PortalsTrackingKey, PresetPortals } from './portals-tracking';
export { admitadNetwork, ADMITAD_CODE, ADMITAD_SUBID_LIMITS, type AdmitadAccount } from './admitad';
export { epnNetwork, EPN_CODE, EPN_SUBID_PARAMS, type EpnAccount } from './epn';
export { customNetwork, validateTemplate, TEMPLATE_MAX, TEMPLATE_PLACEHOLDERS, type CustomAccount } from './custom';
export { GENERIC_SUBID_MAX, type SubIdLimits } from './subids';
export { isPlainHostname } from './hostname';
export { isLinkToKnownHost } from './link-hosts';
export { resolveTarget, keepsStorefront, type ResolvedTarget, type TargetOptions } from './target';
export type { LinkChange } from '../url/neutral';

/**
 * Field-level problems with an account as the options form holds it: id and name, then the
 * network's own checks (code format, host, template). Empty when the account can be saved.
 */
export function validateAccount(account: Account): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (account.id === '') issues.push({ field: 'id', code: 'required' });
  else if (account.id.length > ACCOUNT_ID_MAX) issues.push({ field: 'id', code: 'tooLong', max: ACCOUNT_ID_MAX });
  const name = account.name.trim();
  if (name === '') issues.push({ field: 'name', code: 'required' });
  else if (name.length > ACCOUNT_NAME_MAX) issues.push({ field: 'name', code: 'tooLong', max: ACCOUNT_NAME_MAX });
  if (!(account.network in networkRegistry) && account.network !== 'portals') return [...issues, { field: 'network', code: 'required' }];
  return [...issues, ...validateNetworkAccount(account)];
}

/**
 * The affiliate deeplink for a product or AliExpress page under a preset. Never throws: every
 * failure is a code (and field issues where the user can fix something), because callers are
 * a popup render and a context-menu handler that must always answer.
 *
 * `account` is the account the preset names; it is looked up by the caller and re-checked
 * here, since it comes from storage and may be stale, foreign or hand-edited.
 */
export function buildDeeplink(target: string | ProductRef | ParsedUrl, preset: Preset, account: Account | undefined): DeeplinkResult {
  let resolved: ResolvedTarget;
  try {
    resolved = resolveTarget(target, preset);
  } catch {
    return { ok: false, code: 'invalid-url' };
  }
  if (!resolved.ok) return resolved;
  const targetUrl = resolved.target.url;
  const changes = resolved.target.changes ?? [];

  if (preset.accountId === null) return { ok: true, url: targetUrl, targetUrl, network: 'plain', changes };

  // Typed as Account, but read from storage: a hand-edited or corrupted value may be anything.
  const stored: unknown = account;
  if (typeof stored !== 'object' || stored === null || !('id' in stored) || stored.id !== preset.accountId) {
    return { ok: false, code: 'invalid-account', issues: [{ field: 'accountId', code: 'unknownAccount' }] };
  }
  const parsedAccount = accountSchema.safeParse(account);
  if (!parsedAccount.success) {
    return { ok: false, code: 'invalid-account', issues: fieldIssuesFromSchema(parsedAccount.error.issues) };
  }
  const checkedAccount = parsedAccount.data;

  const subIds = preset.subIds ?? {};
  const subIdIssues = validateSubIdsFor(checkedAccount.network, subIds);
  if (subIdIssues.length > 0) return { ok: false, code: 'invalid-subids', issues: subIdIssues };
  // Portals links exist only as the API makes them: the caller asks the background (lib/api/service.ts).
  if (!isLocalAccount(checkedAccount)) return { ok: false, code: 'needs-api' };

  try {
    const url = wrapWithAccount(resolved.target, checkedAccount, subIds);
    return { ok: true, url, targetUrl, network: checkedAccount.network, changes };
  } catch {
    // Unreachable after the checks above; kept so a future network's bug cannot crash a caller.
    return { ok: false, code: 'invalid-account' };
  }
}
