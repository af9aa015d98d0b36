/**
 * Which terms apply to a preset: the program, and where the seeds differ by network, the network.
 *
 * - AliExpress WW through ePN (or with no account): seed 001, ePN's program page.
 * - AliExpress WW through Admitad: no seed prints its table. Seed 002 (Admitad's RU&CIS NEW page)
 *   says RU&CIS NEW pays non-CIS orders "at 50% of the rate in the AliExpress WW program", and
 *   that joining either program accepts "the rules of both programs". So its non-CIS rates are
 *   RU&CIS NEW's over that share (marked derived, with the arithmetic), and RU&CIS NEW's rules,
 *   cap and cookie apply; where seed 001 states another cap or cookie, both are shown.
 * - RU&CIS NEW: seed 002. Portals: seed 003. EU/Benelux: seed 004.
 *
 * No zod (popup code).
 */
import type { AccountNetwork } from '../networks/types';
import type { ProgramId } from '../presets/types';
import { SEED } from './seeds';
import type { Cap, CookieRule, RateEntry, RateRange, RateTable, RateTables, SourceRef } from './types';

/** The terms a rule or a fact is stated for: a program, split by network where the seeds differ. */
export type ProgramTerms = 'ww' | 'ww-admitad' | 'ru-cis-new' | 'portals' | 'eu-benelux';

export function programTermsOf(program: ProgramId, network: AccountNetwork | null | undefined): ProgramTerms | null {
  if (program === 'ww') return network === 'admitad' ? 'ww-admitad' : 'ww';
  return program === 'ru-cis-new' || program === 'portals' || program === 'eu-benelux' ? program : null;
}

/** Terms of Admitad's AliExpress programs (seed 002 applies to both, and seed 000 is Admitad's manual). */
export const isAdmitadTerms = (terms: ProgramTerms | null): boolean => terms === 'ww-admitad' || terms === 'ru-cis-new';

/** The click-country condition, in each seed's own words (their severity differs: "in full" vs zero). */
export const CLICK_COUNTRY_SOURCES = {
  inFull: {
    seed: SEED.ww,
    date: '2021-10-15',
    quote: 'since October 15, 2021 ... in order to calculate the commission in full, it is necessary that the country of delivery of the order matches the country according to the click IP address',
  },
  zero: {
    seed: SEED.ruCisNew,
    quote: 'If buyers use anonymisers (vpn/proxy), the commission won’t be paid for such an order. For example, If a buyer from the CIS country used the IP of the non-CIS country to click to the affiliate link, then a zero commission will be charged for such an order.',
  },
  /** Seed 002 contradicts its own "won't be paid" in its general rules. */
  vpnMisdetermined: { seed: SEED.ruCisNew, quote: 'If buyers use anonymisers (vpn/proxy), the commission rates for such orders may be incorrectly determined.' },
} as const satisfies Record<string, SourceRef>;

const BOTH_PROGRAMS_RULES: SourceRef = {
  seed: SEED.ruCisNew,
  quote: 'By applying to join AliExpress WW program or AliExpress RU&CIS NEW program, you accept the rules of both programs.',
};

export interface ResolvedTerms {
  readonly terms: ProgramTerms;
  readonly table: RateTable;
  /** What another seed states for the same thing (a cap, a cookie lifetime), shown beside this table's. */
  readonly alsoStated: { readonly cap: Cap | null; readonly cookies: readonly CookieRule[] };
}

const scale = (range: RateRange, factorPct: number): RateRange => {
  const by = (value: number) => Math.round(((value * 100) / factorPct) * 1e4) / 1e4;
  return { min: by(range.min), max: range.max === null ? null : by(range.max) };
};

const derivedCache = new WeakMap<RateTable, RateTable | null>();

/** WW through Admitad, from RU&CIS NEW's table and its stated share of WW (see the file comment). */
export function wwThroughAdmitad(ruCisNew: RateTable): RateTable | null {
  if (derivedCache.has(ruCisNew)) return derivedCache.get(ruCisNew)!;
  const share = ruCisNew.advice.find((a) => a.preferProgram === 'ww' && a.factorPct !== undefined && a.factorPct > 0);
  let derived: RateTable | null = null;
  if (share?.factorPct) {
    const factorPct = share.factorPct;
    const prefix = (id: string) => `ww-admitad.${id}`;
    const rates: RateEntry[] = [];
    for (const entry of ruCisNew.rates) {
      const zero = entry.rate.max === 0;
      // A zero is a zero in either program (virtual goods, stores without commission): the rules of both apply.
      if (zero && (entry.productClass === 'virtual' || entry.productClass === 'store')) rates.push({ ...entry, id: prefix(entry.id) });
      // Printed rates for the shared region, except per-category ones: the estimator derives a
      // category's rate itself, with its own arithmetic fact.
      else if (!zero && entry.region === share.region && !entry.categories && entry.productClass !== 'nonAffiliate') {
        rates.push({
          ...entry,
          id: prefix(entry.id),
          rate: scale(entry.rate, factorPct),
          derived: true,
          scaledFrom: entry.rate,
          ...(entry.conflictsWith ? { conflictsWith: entry.conflictsWith.map(prefix) } : {}),
        });
      }
    }
    derived = {
      ...ruCisNew,
      program: 'ww',
      version: `derived-from-${ruCisNew.version}`,
      source: share.source,
      rates,
      // RU&CIS NEW's target GEO is the CIS; for its own orders there the seeds state no WW rate here.
      advice: ruCisNew.regions.filter((r) => r.id !== share.region && r.kind === 'listed').map((r) => ({ region: r.id, preferProgram: 'ru-cis-new' as const, source: r.source })),
      payout: null,
      derivedFrom: { program: ruCisNew.program, factorPct, source: share.source },
    };
  }
  derivedCache.set(ruCisNew, derived);
  return derived;
}

const resolvedCache = new WeakMap<RateTables, Map<string, ResolvedTerms | null>>();

/**
 * The table and the other sources' statements for a program and network; null without a table.
 * Resolved once per tables object (tables are replaced, never changed in place): the estimate and
 * every rule ask for them.
 */
export function resolveTerms(tables: RateTables, program: ProgramId, network: AccountNetwork | null | undefined): ResolvedTerms | null {
  let byKey = resolvedCache.get(tables);
  if (!byKey) resolvedCache.set(tables, (byKey = new Map()));
  const key = `${program}|${network ?? ''}`;
  if (byKey.has(key)) return byKey.get(key)!;
  const resolved = resolveTermsOnce(tables, program, network);
  // Bounded: programs x networks is a handful, but a caller could pass anything.
  if (byKey.size < 64) byKey.set(key, resolved);
  return resolved;
}

function resolveTermsOnce(tables: RateTables, program: ProgramId, network: AccountNetwork | null | undefined): ResolvedTerms | null {
  const terms = programTermsOf(program, network);
  if (!terms) return null;
  const ww = tables.ww;
  const ruCisNew = tables['ru-cis-new'];
  if (terms === 'ww-admitad') {
    const table = ruCisNew ? wwThroughAdmitad(ruCisNew) : null;
    return table ? { terms, table, alsoStated: { cap: ww?.cap ?? null, cookies: ww?.cookies ?? [] } } : null;
  }
  const table = tables[terms];
  if (!table) return null;
  // RU&CIS NEW: joining it accepts WW's rules too (seed 002), whose page (seed 001) states its own cookie.
  if (terms === 'ru-cis-new') return { terms, table, alsoStated: { cap: null, cookies: ww?.cookies ?? [] } };
  return { terms, table, alsoStated: { cap: null, cookies: [] } };
}

export { BOTH_PROGRAMS_RULES };
