import { admitadNetwork } from './admitad';
import { customNetwork } from './custom';
import { epnNetwork } from './epn';
import { portalsRules } from './portals';
import type { Account, AccountNetwork, AccountOf, FieldIssue, LinkTarget, Network, NetworkId, SubIds } from './types';

/** Every network Sublink can build links for, by id. Adding a NetworkId fails to compile here. */
export const networkRegistry: { readonly [N in NetworkId]: Network<AccountOf<N>> } = {
  admitad: admitadNetwork,
  epn: epnNetwork,
  custom: customNetwork,
};

export const networkIds: readonly NetworkId[] = Object.freeze(['admitad', 'epn', 'custom']);

/** Sub-id issues under the limits of one network. */
export function validateSubIdsFor(network: AccountNetwork, subIds: SubIds): FieldIssue[] {
  return network === 'portals' ? portalsRules.validateSubIds(subIds) : networkRegistry[network].validateSubIds(subIds);
}

/** Whether links of this account are built locally (false: they come from the network's API). */
export function isLocalAccount(account: Account): account is AccountOf<NetworkId> {
  return account.network !== 'portals';
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
    case 'portals':
      return portalsRules.validateAccount(account);
  }
}

export function wrapWithAccount(target: LinkTarget, account: AccountOf<NetworkId>, subIds: SubIds): string {
  switch (account.network) {
    case 'admitad':
      return networkRegistry.admitad.wrap(target, account, subIds);
    case 'epn':
      return networkRegistry.epn.wrap(target, account, subIds);
    case 'custom':
      return networkRegistry.custom.wrap(target, account, subIds);
  }
}
