import { admitadNetwork } from './admitad';
import { customNetwork } from './custom';
import { epnNetwork } from './epn';
import type { Account, AccountOf, FieldIssue, LinkTarget, Network, NetworkId, SubIds } from './types';

/** Every network Sublink can build links for, by id. Adding a NetworkId fails to compile here. */
export const networkRegistry: { readonly [N in NetworkId]: Network<AccountOf<N>> } = {
  admitad: admitadNetwork,
  epn: epnNetwork,
  custom: customNetwork,
};

export const networkIds: readonly NetworkId[] = Object.freeze(['admitad', 'epn', 'custom']);

/** Sub-id issues under the limits of one network. */
export function validateSubIdsFor(network: NetworkId, subIds: SubIds): FieldIssue[] {
  return networkRegistry[network].validateSubIds(subIds);
}

/**
 * The network-specific account checks. A switch rather than a registry lookup so each call
 * is checked against its own account variant, without a cast.
 */
export function validateNetworkAccount(account: Account): FieldIssue[] {
  switch (account.network) {
    case 'admitad':
      return networkRegistry.admitad.validateAccount(account);
    case 'epn':
      return networkRegistry.epn.validateAccount(account);
    case 'custom':
      return networkRegistry.custom.validateAccount(account);
  }
}

export function wrapWithAccount(target: LinkTarget, account: Account, subIds: SubIds): string {
  switch (account.network) {
    case 'admitad':
      return networkRegistry.admitad.wrap(target, account, subIds);
    case 'epn':
      return networkRegistry.epn.wrap(target, account, subIds);
    case 'custom':
      return networkRegistry.custom.wrap(target, account, subIds);
  }
}
