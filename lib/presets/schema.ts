import { boolean, nullable, object, oneOf, optional, schema, string } from '../schema/reader';
import type { Preset, ProgramId } from './types';
import { POST_TEMPLATE_MAX } from './post-default';

export const PRESET_ID_MAX = 64;
export const PRESET_NAME_MAX = 60;

/** Programs whose terms the seeds describe (seeds 001-004), in the order the UI offers them. */
export const programIds = ['ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'] as const satisfies readonly ProgramId[];

/** ISO 3166-1 alpha-2 as stored: two upper-case Latin letters. Which codes are assigned is rules/'s concern. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

const subIdValue = optional(string());

const readSubIds = object({ subid: subIdValue, subid1: subIdValue, subid2: subIdValue, subid3: subIdValue, subid4: subIdValue });

/** Lengths and characters are checked by `validatePreset` (lib/networks/portals.ts); this bounds what is read. */
const portalsValue = optional(string({ max: 1024 }));
const readPortals = object({ trackingId: portalsValue, af: portalsValue, cn: portalsValue, cv: portalsValue, dp: portalsValue });

/**
 * A stored, synced or imported preset (docs/architecture.md, 'Hard rules' 5). Sub-id lengths and characters
 * depend on the account's network, so they are checked by `validatePreset`, which knows the
 * accounts; the schema checks what holds for every preset.
 */
export const presetSchema = schema<Preset>(
  object({
    id: string({ min: 1, max: PRESET_ID_MAX }),
    name: string({ trim: true, min: 1, max: PRESET_NAME_MAX }),
    accountId: nullable(string({ min: 1, max: PRESET_ID_MAX })),
    program: oneOf(programIds),
    audienceCountry: nullable(string({ pattern: COUNTRY_CODE })),
    subIds: readSubIds,
    keepSku: boolean(),
    // Absent in presets saved before Portals support: still read as they are.
    portals: optional(readPortals),
    // Absent in presets saved before locale-neutral links: read as on, no migration needed.
    neutralLinks: optional(boolean()),
    // Absent in presets saved before post templates: read as the default (`postTemplateOf`), no
    // migration needed. Placeholders are checked where a template is edited and rendered
    // (lib/presets/post-template.ts), so a bad one never hides its preset.
    post: optional(object({ text: string({ max: POST_TEMPLATE_MAX }), disclosure: boolean() })),
  }),
);
