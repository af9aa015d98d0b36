/**
 * What people paste into an account's fields: the whole link their network gave them rather than
 * the part of it Sublink stores. A pasted link is read for the code (and, for ePN, the host) it
 * carries; text that is not a link is left as typed, for the network's own checks
 * (`validateAccount`) to judge. A link that carries no code says exactly what is missing.
 */
import { ADMITAD_LINK_HOST } from './admitad';
import type { Account, FieldIssue } from './types';

/** `/g/<code>/` in an Admitad ad-space link (docs/architecture.md, 'Domain facts'). */
const ADMITAD_CODE_PATH = /^\/g\/([^/?#]+)/i;
/** `/redirect/cpa/o/<code>/` in an ePN link (docs/architecture.md, 'Domain facts'). */
const EPN_CODE_PATH = /^\/redirect\/cpa\/o\/([^/?#]+)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The text as a URL when it is written as one: with a scheme, or a host name followed by a path
 * (`ad.admitad.com/g/…`, as a link is often copied from an address bar without `https://`).
 */
function asLink(text: string): URL | null {
  const withScheme = SCHEME.test(text) ? text : /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(text) ? `https://${text}` : null;
  if (withScheme === null) return null;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/** A link's host when the link names nothing but a host: no credentials, no port. */
const plainHost = (link: URL): string | null => (link.username || link.password || link.port ? null : link.hostname);

export interface PastedAccount {
  /** The account with what the links carried in place of the links. */
  readonly account: Account;
  /** Links that carry no code, with what is wrong; empty when every field could be read. */
  readonly issues: readonly FieldIssue[];
}

function readAdmitadCode(text: string): { code: string } | { issue: FieldIssue } | null {
  const link = asLink(text);
  if (!link) return null;
  if (link.hostname.toLowerCase() !== ADMITAD_LINK_HOST) return { issue: { field: 'code', code: 'notAdmitadLink', detail: link.hostname } };
  const code = ADMITAD_CODE_PATH.exec(link.pathname)?.[1];
  return code ? { code } : { issue: { field: 'code', code: 'admitadLinkWithoutCode' } };
}

function readEpnLink(text: string, field: 'host' | 'code'): { host: string | null; code: string | null } | { issue: FieldIssue } | null {
  const link = asLink(text);
  if (!link) return null;
  const host = plainHost(link);
  if (host === null) return { issue: { field: 'host', code: 'badHost', detail: link.host } };
  const code = EPN_CODE_PATH.exec(link.pathname)?.[1] ?? null;
  // A host field takes a bare address; a code field needs the link's code.
  if (field === 'code' && code === null) return { issue: { field: 'code', code: 'epnLinkWithoutCode' } };
  return { host, code };
}

/**
 * Reads whole network links pasted into an account's fields:
 * - Admitad: `https://ad.admitad.com/g/<code>/…` in the code field gives the code;
 * - ePN: `https://<host>/redirect/cpa/o/<code>/…` in either field gives host and code (the host
 *   field keeps a host already typed there); `https://<host>` in the host field gives the host.
 * Other networks' fields, and text that is not a link, are returned as they are.
 */
export function readPastedAccount(account: Account): PastedAccount {
  if (account.network === 'admitad') {
    const read = readAdmitadCode(account.code.trim());
    if (read === null) return { account, issues: [] };
    if ('issue' in read) return { account, issues: [read.issue] };
    return { account: { ...account, code: read.code }, issues: [] };
  }
  if (account.network === 'epn') {
    let next = account;
    const issues: FieldIssue[] = [];
    for (const field of ['host', 'code'] as const) {
      const read = readEpnLink(next[field].trim(), field);
      if (read === null) continue;
      if ('issue' in read) {
        issues.push(read.issue);
        continue;
      }
      const hostTyped = field === 'code' && next.host.trim() !== '' && asLink(next.host.trim()) === null;
      next = {
        ...next,
        ...(read.host !== null && !hostTyped ? { host: read.host } : {}),
        ...(read.code !== null ? { code: read.code } : {}),
      };
    }
    return { account: next, issues };
  }
  return { account, issues: [] };
}
