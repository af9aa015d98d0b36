/**
 * The audience-country picker's data: every ISO 3166-1 alpha-2 country, grouped by the delivery
 * region the preset's program puts it in (seeds 001, 002, 004: each program has its own CIS
 * or Russian-speaking list), so the publisher sees which rates and rules an audience gets.
 */
import { regionFor, type RateTables, type RegionId } from '../rates';
import type { ProgramId } from '../presets/types';

/**
 * The officially assigned ISO 3166-1 alpha-2 codes (249), https://www.iso.org/obp/ui/#search/code/.
 * Intl has no list of regions, only their names, so the codes are listed here.
 */
export const ISO_COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export interface CountryOption {
  readonly code: string;
  readonly name: string;
}

export interface CountryGroup {
  /** The program's delivery region holding these countries; null when the program has no rate table. */
  readonly region: RegionId | null;
  readonly countries: readonly CountryOption[];
}

/** Country names in the UI language, falling back to the code where the browser has no name. */
export function countryNamer(locale: string | undefined): (code: string) => string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  } catch {
    names = undefined;
  }
  return (code) => names?.of(code) ?? code;
}

/** The region of the program's table that holds `country`, or null (program `other`, no table). */
export function audienceRegion(program: ProgramId, country: string, tables: RateTables): RegionId | null {
  if (program === 'other') return null;
  const table = tables[program];
  return table ? (regionFor(table, country)?.id ?? null) : null;
}

/**
 * The picker's groups, in the order the program's table lists its regions, each sorted by name.
 * `extra` is a stored code that is not in the ISO list (kept selectable rather than lost).
 */
export function audienceCountryGroups(
  program: ProgramId,
  tables: RateTables,
  nameOf: (code: string) => string,
  locale: string | undefined,
  extra: string | null = null,
): CountryGroup[] {
  const codes = extra && !ISO_COUNTRY_CODES.includes(extra) ? [...ISO_COUNTRY_CODES, extra] : ISO_COUNTRY_CODES;
  const collator = new Intl.Collator(locale);
  const byName = (a: CountryOption, b: CountryOption) => collator.compare(a.name, b.name);
  const options = codes.map((code) => ({ code, name: nameOf(code) }));
  const table = program === 'other' ? undefined : tables[program];
  if (!table) return [{ region: null, countries: options.sort(byName) }];
  const groups = new Map<RegionId, CountryOption[]>(table.regions.map((region) => [region.id, []]));
  for (const option of options) {
    const region = regionFor(table, option.code);
    if (region) groups.get(region.id)!.push(option);
  }
  return [...groups].filter(([, countries]) => countries.length > 0).map(([region, countries]) => ({ region, countries: countries.sort(byName) }));
}
