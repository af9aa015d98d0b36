import { nullable, object, schema, string } from './validate';

export interface Settings {
  readonly defaultPresetId: string | null;
  readonly lastUsedPresetId: string | null;
}

export const settingsSchema = schema<Settings>(
  object({ defaultPresetId: nullable(string()), lastUsedPresetId: nullable(string()) }),
);

export const DEFAULT_SETTINGS: Settings = { defaultPresetId: null, lastUsedPresetId: null };
