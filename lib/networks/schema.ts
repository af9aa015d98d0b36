import { object, oneOf, schema, string, tagged, type Issue } from '../schema/reader';
import { TEMPLATE_MAX } from './custom';
import { validateNetworkAccount } from './registry';
import type { Account, FieldIssue } from './types';

export const ACCOUNT_ID_MAX = 64;
export const ACCOUNT_NAME_MAX = 60;
/** Generous bound on stored codes; the exact per-network format is checked by the network. */
const CODE_MAX = 64;
/** RFC 1035: a full domain name is at most 253 characters in text form. */
const HOST_MAX = 253;

const accountId = string({ min: 1, max: ACCOUNT_ID_MAX });
const accountName = string({ trim: true, min: 1, max: ACCOUNT_NAME_MAX });
const nonEmpty = (max: number) => string({ trim: true, min: 1, max });

const readAccount = tagged('network', {
  admitad: object({ id: accountId, network: oneOf(['admitad']), name: accountName, code: nonEmpty(CODE_MAX) }),
  epn: object({ id: accountId, network: oneOf(['epn']), name: accountName, host: nonEmpty(HOST_MAX), code: nonEmpty(CODE_MAX) }),
  custom: object({ id: accountId, network: oneOf(['custom']), name: accountName, template: nonEmpty(TEMPLATE_MAX) }),
  // The tracking id may be empty: the one saved with the API credentials is used then.
  portals: object({ id: accountId, network: oneOf(['portals']), name: accountName, appKey: nonEmpty(CODE_MAX), trackingId: string({ trim: true, max: CODE_MAX }) }),
});

/**
 * A stored or imported account (docs/architecture.md, 'Hard rules' 5: validated at the boundary). The shape
 * comes first; the network's own checks (code format, host, template) run on a well-shaped
 * account and their issues carry the FieldIssue, so `fieldIssuesFromSchema` gives the form
 * the same codes as `validateAccount`.
 */
export const accountSchema = schema<Account>(readAccount, (account) =>
  validateNetworkAccount(account).map((issue): Issue => ({ path: issue.field.split('.'), message: issue.code, detail: issue })),
);

/** Turns schema issues into the field-level codes the UI has messages for. */
export function fieldIssuesFromSchema(issues: readonly Issue[]): FieldIssue[] {
  return issues.map((issue): FieldIssue => {
    if (isFieldIssue(issue.detail)) return issue.detail;
    const field = issue.path.map(String).join('.');
    const tooLong = /^at most (\d+) characters$/.exec(issue.message);
    if (tooLong) return { field, code: 'tooLong', max: Number(tooLong[1]) };
    return { field, code: 'required' };
  });
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && 'field' in value && 'code' in value;
}
