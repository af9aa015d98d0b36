/**
 * The three stored items a link needs (read by the popup's first `get`), in a module of their
 * own so the popup's startup chunk holds only these definitions; every other item, and the list
 * of all, is in ./items.ts, which re-exports these (docs/architecture.md, 'Budgets').
 */
import { defineStoredItem } from './item';

/** Account[]; reader `parseState` (lib/storage/state.ts) with `accountSchema` (lib/networks/schema.ts). */
export const accountsItem = /*#__PURE__*/ defineStoredItem({ key: 'local:accounts' });

/** Preset[]; reader `parseState` with `presetSchema` (lib/presets/schema.ts). */
export const presetsItem = /*#__PURE__*/ defineStoredItem({ key: 'local:presets' });

/** Settings; reader `parseSettings` (lib/storage/state.ts) with `settingsSchema` (lib/storage/settings.ts). */
export const settingsItem = /*#__PURE__*/ defineStoredItem({ key: 'local:settings' });
