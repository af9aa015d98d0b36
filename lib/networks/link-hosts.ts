/**
 * Which hosts a link Sublink copies may point at, for the user's own accounts: a UI page that
 * reports a copied link (the history) must not be able to smuggle in a `javascript:` URL or a
 * link to a stranger's host, whatever sent it. Pure: the caller passes the stored accounts.
 */
import { isAliExpressHost } from '../url';
import { ADMITAD_LINK_HOST } from './admitad';
import { templateHost } from './custom';
import type { Account } from './types';

/**
 * The host an account's links go to. Portals links are what the AliExpress API answers
 * (`https://s.click.aliexpress.com/e/…`), an AliExpress host like the plain product link a preset
 * without an account copies, so a Portals account adds none.
 */
function accountHost(account: Account): string | null {
  switch (account.network) {
    case 'admitad':
      return ADMITAD_LINK_HOST;
    case 'epn':
      return account.host.toLowerCase();
    case 'custom':
      return templateHost(account.template);
    case 'portals':
      return null;
  }
}

/**
 * True for an https link, without credentials, to an AliExpress host or to the host of one of
 * `accounts`. Anything else (another scheme, a foreign host, text that is no URL) is false.
 */
export function isLinkToKnownHost(link: string, accounts: readonly Account[]): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return isAliExpressHost(host) || accounts.some((account) => accountHost(account) === host);
}
