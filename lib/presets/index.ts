export type * from './types';
export { presetSchema, programIds, COUNTRY_CODE, PRESET_ID_MAX, PRESET_NAME_MAX } from './schema';
export { validatePreset } from './validate';
export { createPresetId, createAccountId } from './ids';
export { defaultPresetOf, initialPresetOf, type DefaultPresetChoice, type InitialPresetChoice } from './default';
