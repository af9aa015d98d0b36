/**
 * The source documents (docs/architecture.md, 'Source documents': every rate, cap, country list
 * and rule traces to one of them, by file name). Kept as constants so a typo in a table is a
 * compile error, not a dead citation.
 */
export const SEED = {
  /** Admitad's "11.11 with AliExpress: webmaster's manual": sale windows, first-cookie-win. */
  sale1111: '000_3112a24779629cbe.txt',
  /** ePN's AliExpress (WW) program page: non-CIS and CIS rates, $38.5 cap, cookie lifetimes. */
  ww: '001_b214df0997934a9f.txt',
  /** Admitad's AliExpress RU&CIS NEW program page: category rates, $38 cap, target GEO. */
  ruCisNew: '002_30d8551d32219963.txt',
  /** AliExpress Portals FAQ: session tracking, minimum 8%, custom tracking strings. */
  portals: '003_8fbdde40efb29f59.txt',
  /** A Benelux network's AliExpress program page: EUR 30.94 cap, new-buyer bonuses, EU fee. */
  euBenelux: '004_8627bb1cc9c85cbb.txt',
} as const;

/**
 * The form of a seed file name. Remote tables may cite seeds this build does not ship (a team's
 * newer program page), so the schema checks the form rather than this build's list.
 */
export const SEED_FILE_NAME = /^\d{3}_[0-9a-f]{16}\.txt$/;

/**
 * The catalog key naming a seed's document for people ("ePN — AliExpress program page"), or
 * null for a seed this build does not know (a remote table's): then its file name is shown.
 */
export function seedDocumentKey(seed: string): `source_${string}` | null {
  const known = (Object.values(SEED) as string[]).includes(seed);
  return known ? `source_${seed.slice(0, 3)}` : null;
}
