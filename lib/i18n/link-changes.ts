/**
 * Texts for what the link builder changed (lib/url/neutral.ts). A module of its own so the popup loads
 * it only when there is a change to show.
 */
import { t } from './index';
import type { LinkChange } from '../url/neutral';

/** One line per change, for the popup and the batch table. */
export function linkChangeText(change: LinkChange): string {
  switch (change.kind) {
    case 'host':
      return t('linkChange_host', [change.from, change.to]);
    case 'us-id':
      return t('linkChange_usId', [change.from, change.to]);
    case 'foreign-affiliate':
      return t('linkChange_foreignAffiliate');
  }
}
