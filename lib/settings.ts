import { z } from 'zod/mini';

export const settingsSchema = z.object({
  defaultPresetId: z.nullable(z.string()),
  lastUsedPresetId: z.nullable(z.string()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { defaultPresetId: null, lastUsedPresetId: null };
