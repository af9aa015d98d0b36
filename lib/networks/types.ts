import type { LinkChange } from '../url/neutral';
import type { ProductRef } from '../url/types';

/** Networks whose links are built locally from a template (lib/networks' registry). */
export type NetworkId = 'admitad' | 'epn' | 'custom';

/**
 * Every kind of account. `portals` (AliExpress Portals, seed 003) has no local link form: its
 * links come from the Open Platform API (`aliexpress.affiliate.link.generate`), so it is not a
 * `Network` of the registry; lib/api/portals-link.ts builds them in the background.
 */
export type AccountNetwork = NetworkId | 'portals';

/** A publisher's account on one affiliate network: what their links are built from. */
export type Account =
  | { readonly id: string; readonly network: 'admitad'; readonly name: string; readonly code: string }
  | { readonly id: string; readonly network: 'epn'; readonly name: string; readonly host: string; readonly code: string }
  | { readonly id: string; readonly network: 'custom'; readonly name: string; readonly template: string }
  /**
   * `appKey`: the Open Platform app whose secret (kept apart, lib/api/credentials.ts) signs the calls;
   * `trackingId`: the Portals tracking id links are made for ('' = the one saved with the credentials).
   */
  | { readonly id: string; readonly network: 'portals'; readonly name: string; readonly appKey: string; readonly trackingId: string };

/** The account variant of one network. */
export type AccountOf<N extends AccountNetwork> = Extract<Account, { readonly network: N }>;

/** Sub-id slots, named as Admitad names them; each network maps them to its own parameters. */
export interface SubIds {
  readonly subid?: string;
  readonly subid1?: string;
  readonly subid2?: string;
  readonly subid3?: string;
  readonly subid4?: string;
}
export const SUBID_KEYS = ['subid', 'subid1', 'subid2', 'subid3', 'subid4'] as const;
export type SubIdKey = (typeof SUBID_KEYS)[number];

/** Codes, not sentences: the UI turns them into catalog messages (`validation_<code>`). */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'forbiddenChars'
  | 'badHost'
  | 'badTemplate'
  | 'unknownPlaceholder'
  | 'missingUrlPlaceholder'
  /** A post template without `{link}` (lib/presets/post-template.ts). */
  | 'missingLinkPlaceholder'
  | 'notHttps'
  | 'duplicateName'
  /** An account code that does not have the network's format (Admitad: 30, ePN: 32 lower-case letters/digits). */
  | 'badCode'
  /** A preset points at an account id that is not among the saved accounts. */
  | 'unknownAccount'
  /** A link pasted as an Admitad code that goes elsewhere; `detail` is its host. */
  | 'notAdmitadLink'
  /** An Admitad link pasted as a code without the `/g/<code>/` part. */
  | 'admitadLinkWithoutCode'
  /** A link pasted as an ePN code without the `/redirect/cpa/o/<code>/` part. */
  | 'epnLinkWithoutCode';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `code`, `subIds.subid4`, `template`. */
  readonly field: string;
  readonly code: ValidationCode;
  /** For `tooLong`: the limit. For `forbiddenChars`/`unknownPlaceholder`: the offending text. */
  readonly max?: number;
  readonly detail?: string;
}

/** `needs-api`: the account's links come only from a network API (Portals); the background asks it. */
export type DeeplinkErrorCode = 'invalid-url' | 'not-aliexpress' | 'short-link' | 'invalid-account' | 'invalid-subids' | 'needs-api';

export type DeeplinkResult =
  | {
      readonly ok: true;
      readonly url: string;
      readonly targetUrl: string;
      readonly network: NetworkId | 'plain';
      /** What the link changed about the URL it was given (host, US id, another publisher's tracking). */
      readonly changes: readonly LinkChange[];
    }
  | { readonly ok: false; readonly code: DeeplinkErrorCode; readonly issues?: readonly FieldIssue[] };

/** The link target handed to a network: already cleaned, already known to be AliExpress. */
export interface LinkTarget {
  readonly url: string;
  readonly product?: ProductRef;
  readonly changes?: readonly LinkChange[];
}

export interface Network<A extends Account = Account> {
  readonly id: A['network'];
  /** Field-level problems with the account itself (empty code, bad host, bad template). */
  validateAccount(account: A): FieldIssue[];
  /** Field-level problems with sub-ids under this network's limits. */
  validateSubIds(subIds: SubIds): FieldIssue[];
  /** Wraps an already-clean AliExpress URL. Only called after both validations pass. */
  wrap(target: LinkTarget, account: A, subIds: SubIds): string;
}
