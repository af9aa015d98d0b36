import type { PresetPortals } from '../networks/portals-tracking';
import type { SubIds } from '../networks/types';
import type { PostTemplate } from './post-default';

/**
 * Affiliate programs whose terms the seeds describe: WW (seed 001), RU&CIS NEW (seed 002),
 * Portals (seed 003), the EU/Benelux program (seed 004); `other` is a network's own program.
 */
export type ProgramId = 'ww' | 'ru-cis-new' | 'portals' | 'eu-benelux' | 'other';

export interface Preset {
  readonly id: string;
  readonly name: string;
  /** The network account links are built with; null builds the plain clean link. */
  readonly accountId: string | null;
  readonly program: ProgramId;
  /** ISO 3166-1 alpha-2 country of the audience, or null when unknown/mixed. */
  readonly audienceCountry: string | null;
  readonly subIds: SubIds;
  /** Keep the selected SKU in the product URL. */
  readonly keepSku: boolean;
  /**
   * Link products as `https://www.aliexpress.com/item/<global id>.html`, whatever storefront the URL was
   * on (lib/networks/target.ts). Absent in presets saved before the option: read as on.
   */
  readonly neutralLinks?: boolean;
  /** Portals accounts only: a tracking id for this preset and the custom tracking strings (seed 003). */
  readonly portals?: PresetPortals;
  /**
   * The ready-to-post text for "Copy as post" (lib/presets/post-template.ts). Absent in presets saved
   * before templates: read as the default, disclosure on (`postTemplateOf`), as `neutralLinks` is.
   */
  readonly post?: PostTemplate;
}
