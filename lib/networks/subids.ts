import { SUBID_KEYS, type FieldIssue, type SubIdKey, type SubIds } from './types';

/** Per-slot maximum length, in characters (code points). */
export type SubIdLimits = { readonly [K in SubIdKey]: number };

/**
 * Characters no network can carry in a sub-id:
 * - C0/C1 control characters and DEL: invisible, and Admitad's deeplink API says outright
 *   "Do not use the %00 combination" (the encoded NUL) for subid..subid4
 *   (https://developers.admitad.com/knowledge-base/article/deeplink-generator_1);
 * - unpaired UTF-16 surrogates: `encodeURIComponent` throws URIError on them, so such a
 *   value cannot be put into a link at all.
 * Control characters are general category Cc: U+0000-U+001F and U+007F-U+009F.
 */
const CONTROL_CHAR = /\p{Cc}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The literal text `%00`: a network that decodes its parameters once more would read a NUL. */
const ENCODED_NUL = '%00';

/** Returns the offending text for display, or undefined when the value is clean. */
export function findForbiddenSubIdText(value: string): string | undefined {
  const control = CONTROL_CHAR.exec(value);
  if (control) return codePointLabel(control[0]);
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return codePointLabel(surrogate[0]);
  if (value.includes(ENCODED_NUL)) return ENCODED_NUL;
  return undefined;
}

/** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
export function characterCount(value: string): number {
  return Array.from(value).length;
}

/** Sub-id slots that carry a value, in slot order. Empty strings count as "not set". */
export function presentSubIds(subIds: SubIds): Array<readonly [SubIdKey, string]> {
  const present: Array<readonly [SubIdKey, string]> = [];
  for (const key of SUBID_KEYS) {
    const value = subIds[key];
    if (value !== undefined && value !== '') present.push([key, value]);
  }
  return present;
}

/** Field-level issues for every set slot: forbidden characters first, then length. */
export function validateSubIdsWithin(subIds: SubIds, limits: SubIdLimits): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of presentSubIds(subIds)) {
    const field = `subIds.${key}`;
    const forbidden = findForbiddenSubIdText(value);
    if (forbidden !== undefined) issues.push({ field, code: 'forbiddenChars', detail: forbidden });
    const max = limits[key];
    if (characterCount(value) > max) issues.push({ field, code: 'tooLong', max });
  }
  return issues;
}

/** `U+000A`-style label for a character that cannot be shown as itself. */
export function codePointLabel(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * For networks that publish no sub-id length (ePN, custom templates): no ePN document found
 * states one, so Sublink applies its own bound. 255 keeps a link with five full sub-ids under
 * ~2 KB, short enough for messengers and the 2,083-character URL limit of older browsers.
 */
export const GENERIC_SUBID_MAX = 255;
export const GENERIC_SUBID_LIMITS: SubIdLimits = {
  subid: GENERIC_SUBID_MAX,
  subid1: GENERIC_SUBID_MAX,
  subid2: GENERIC_SUBID_MAX,
  subid3: GENERIC_SUBID_MAX,
  subid4: GENERIC_SUBID_MAX,
};
