import type { ParsedUrl } from '../url/types';
import type { LinkKind } from './estimate';

/**
 * The estimator's link kind for a parsed URL: how directly the deeplink will lead to the
 * product. Short links and non-AliExpress URLs give null (their target is not known offline).
 */
export function linkKindOf(parsed: ParsedUrl | null): LinkKind | null {
  switch (parsed?.kind) {
    case 'product':
      return 'product';
    case 'store':
      return 'store';
    case 'page':
      return 'page';
    default:
      return null;
  }
}
