/**
 * Sub-ids as each network names them in its links, and read back from a link Sublink built. The
 * history's CSV heads its sub-id columns with these names, so a publisher can match them with the
 * network's own reports, and reads them from older entries' links, which were kept without them.
 * Pure.
 */
import { ADMITAD_LINK_HOST } from './admitad';
import { EPN_SUBID_PARAMS } from './epn';
import { SUBID_KEYS, type AccountNetwork, type SubIdKey, type SubIds } from './types';

/**
 * The link parameter of each slot: Admitad names them as the slots are named (`subid`..`subid4`,
 * ./admitad.ts), ePN `sub`..`sub5` (./epn.ts), a custom template by its placeholders (`{subid}`..,
 * ./custom.ts). Portals links carry no sub-ids (seed 003's tracking strings instead): null.
 */
export function subIdParamNames(network: AccountNetwork): { readonly [K in SubIdKey]: string } | null {
  switch (network) {
    case 'epn':
      return EPN_SUBID_PARAMS;
    case 'admitad':
    case 'custom':
      return { subid: 'subid', subid1: 'subid1', subid2: 'subid2', subid3: 'subid3', subid4: 'subid4' };
    case 'portals':
      return null;
  }
}

const EPN_PATH = /^\/redirect\/cpa\/o\/[^/]+\/?$/;

/**
 * The network and the sub-ids of an Admitad (`https://ad.admitad.com/g/<code>/?ulp=…&subid=…`) or
 * ePN (`https://<host>/redirect/cpa/o/<code>/?to=…&sub=…`) link; null for anything else (a custom
 * template's parameters can be anywhere, and Portals links have none).
 */
export function subIdsInLink(link: string): { network: 'admitad' | 'epn'; subIds: SubIds } | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const network = url.hostname === ADMITAD_LINK_HOST && url.pathname.startsWith('/g/') && url.searchParams.has('ulp') ? 'admitad' : EPN_PATH.test(url.pathname) && url.searchParams.has('to') ? 'epn' : null;
  if (network === null) return null;
  const names = subIdParamNames(network)!;
  const subIds: { -readonly [K in SubIdKey]?: string } = {};
  for (const key of SUBID_KEYS) {
    const value = url.searchParams.get(names[key]);
    if (value !== null && value !== '') subIds[key] = value;
  }
  return { network, subIds };
}
