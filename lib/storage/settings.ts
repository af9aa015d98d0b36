import { boolean, nullable, object, schema, string, type Reader } from '../schema/reader';

export interface Settings {
  readonly defaultPresetId: string | null;
  readonly lastUsedPresetId: string | null;
  /**
   * Show the estimated rate or HOT on the toolbar badge on AliExpress product tabs.
   * Off unless the user turns it on in the options page, which also asks for host access.
   * Parsed settings always carry it; it is optional here because pages that only change the
   * preset choice write settings without it, and lib/storage/local.ts keeps the stored value then.
   */
  readonly badgeOptIn?: boolean;
}

/** Settings stored before the field existed have no value: that reads as off. */
const flagOffByDefault = (): Reader<boolean> => (input, path) => (input === undefined ? false : boolean()(input, path));

export const settingsSchema = schema<Settings>(
  object({ defaultPresetId: nullable(string()), lastUsedPresetId: nullable(string()), badgeOptIn: flagOffByDefault() }),
);

export const DEFAULT_SETTINGS: Settings = { defaultPresetId: null, lastUsedPresetId: null, badgeOptIn: false };
