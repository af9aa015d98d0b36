/**
 * Which preset a surface uses when the user has not picked one for this action. Every surface
 * (context menu, keyboard shortcut, toolbar badge, popup, options page, batch converter) asks
 * here, so "the default" means the same thing everywhere.
 *
 * The settings are taken structurally: presets/ is domain code and does not import storage/.
 */

/** What the rule reads from the stored settings. */
export interface DefaultPresetChoice {
  readonly defaultPresetId: string | null;
}

/** What the popup's rule reads: the preset last used in the popup or by a copy comes first. */
export interface InitialPresetChoice extends DefaultPresetChoice {
  readonly lastUsedPresetId: string | null;
}

/**
 * The preset a plain "Copy affiliate link" uses: the one the user chose as default, else the first
 * in the user's order (the chosen one may have been deleted, or none chosen yet); null without presets.
 */
export function defaultPresetOf<P extends { readonly id: string }>(presets: readonly P[], settings: DefaultPresetChoice): P | null {
  return presets.find((p) => p.id === settings.defaultPresetId) ?? presets[0] ?? null;
}

/** The preset the popup opens with: the last one used, if it still exists, else the default preset. */
export function initialPresetOf<P extends { readonly id: string }>(presets: readonly P[], settings: InitialPresetChoice): P | null {
  const lastUsed = settings.lastUsedPresetId ? presets.find((p) => p.id === settings.lastUsedPresetId) : undefined;
  return lastUsed ?? defaultPresetOf(presets, settings);
}
