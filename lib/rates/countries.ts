/**
 * Country lists, as each seed states them (ISO 3166-1 alpha-2, in the seed's own order). They
 * differ on purpose: seeds 001 and 002 name the same eleven CIS countries (Ukraine is non-CIS in
 * both: "except Ukraine", "non-CIS countries (including Ukraine)"), while seed 004's "Countries
 * with Russian Speakers" adds Estonia, Latvia, Lithuania and Ukraine and leaves out Azerbaijan.
 */
import { SEED } from './seeds';
import type { SourceRef } from './types';

/** Seed 001: "Non-CIS countries are all countries excluding: ..." */
export const CIS_SEED_001 = ['RU', 'AZ', 'AM', 'BY', 'KZ', 'KG', 'MD', 'TJ', 'TM', 'UZ', 'GE'] as const;
export const CIS_SEED_001_SOURCE: SourceRef = {
  seed: SEED.ww,
  quote: 'Non-CIS countries are all countries excluding: Russia, Azerbaijan, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Moldova, Tajikistan, Turkmenistan, Uzbekistan, Georgia.',
};

/** Seed 002: "Target GEO: ..." (the CIS list of its rates section names the same countries). */
export const CIS_TARGET_GEO_SEED_002 = ['AM', 'AZ', 'BY', 'GE', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'TM', 'UZ'] as const;
export const CIS_TARGET_GEO_SEED_002_SOURCE: SourceRef = {
  seed: SEED.ruCisNew,
  quote: 'Target GEO: Armenia, Azerbaijan, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Moldova, Russia, Tajikistan, Turkmenistan, Uzbekistan',
};

/** Seed 004, rule e. */
export const RUSSIAN_SPEAKERS_SEED_004 = ['RU', 'AM', 'BY', 'EE', 'LT', 'LV', 'UA', 'MD', 'GE', 'KZ', 'UZ', 'KG', 'TM', 'TJ'] as const;
export const RUSSIAN_SPEAKERS_SEED_004_SOURCE: SourceRef = {
  seed: SEED.euBenelux,
  quote: 'Countries with Russian Speakers include: Russia, Armenia, Belarus, Estonia, Lithuania, Latvia, Ukraine, Moldova, Georgia, Kazakhstan, Uzbekistan, Kyrgyzstan, Turkmenistan and Tajikistan.',
};

/**
 * Seed 004 charges its service fee to "EU buyers" without listing the EU; this is the EU's
 * membership since the United Kingdom left on 2020-02-01 (europa.eu, "EU countries"). The only
 * list here that is not a seed's: it decides when the fee warning shows.
 */
export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

/** ISO 3166-1 alpha-2 as the presets store it; anything else is treated as unknown. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Upper-cases a country code and returns null for anything that is not two Latin letters. */
export function normalizeCountry(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return COUNTRY_CODE.test(code) ? code : null;
}
