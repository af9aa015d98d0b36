/**
 * assessLink: what one link will likely earn and what could make it earn nothing. The popup, the
 * badge, the batch converter and the context menu all call it, so every surface shows the same
 * estimate and warnings for the same link. Pure and total: it never throws. No zod in here or in
 * anything imported: the popup loads this lazily.
 */
import type { AccountNetwork } from '../networks/types';
import type { ProgramId } from '../presets/types';
import { estimateCommission, type Estimate, type ProductFacts } from '../rates/estimate';
import { linkKindOf } from '../rates/link-kind';
import { resolveTerms } from '../rates/program-table';
import { DEFAULT_RATE_TABLES } from '../rates/tables';
import type { RateTables } from '../rates/types';
import { evaluateRules, rankWarnings, RULES, saleWindowWarnings } from '../rules';
import type { RuleContext, Warning } from '../rules/types';
import { parseProductUrl } from '../url';
import type { ParsedUrl } from '../url/types';
import { storeKindFromUrl } from './store-kind';

/** What is known about the product: the estimator's facts plus the title the tab showed. */
export interface LinkProductFacts extends ProductFacts {
  readonly title?: string | null;
}

export interface AssessLinkInput {
  /** Any AliExpress URL (product, store, page, short link); anything else gives an honest "unknown". */
  readonly url: string;
  readonly program: ProgramId;
  /** The account's network (ePN, Admitad, Portals...), or null for the plain link. */
  readonly network: AccountNetwork | null;
  /** Where the buyers are (ISO alpha-2), or null when the preset does not say. */
  readonly audienceCountry: string | null;
  readonly product?: LinkProductFacts;
  readonly now: Date;
}

export interface LinkAssessment {
  readonly parsed: ParsedUrl;
  readonly estimate: Estimate;
  /** Ranked: blocking (earns nothing), costly (earns less), info. */
  readonly warnings: readonly Warning[];
}

/** The same assessment, for a URL the caller has parsed already (the popup parses it for the link). */
export function assessParsed(parsed: ParsedUrl, input: Omit<AssessLinkInput, 'url'>, tables: RateTables = DEFAULT_RATE_TABLES): LinkAssessment {
  // Built field by field and with the terms resolved once for the estimate and the rules: this
  // runs for every link of a batch and every badge update, and spreads and repeated lookups were
  // most of its cost (scripts/bench/assess.ts).
  const program = input.program;
  const network = input.network ?? null;
  const resolved = resolveTerms(tables, program, network);
  const estimate = estimateCommission(
    { program, network, audienceCountry: input.audienceCountry, product: input.product, now: input.now, linkKind: linkKindOf(parsed) },
    tables,
    resolved,
  );
  const warnings = evaluateRules({ program, network, audienceCountry: input.audienceCountry, product: input.product, now: input.now, parsed, tables, resolved });
  return { parsed, estimate, warnings };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The product facts as their declared types, anything else left out: callers outside TypeScript
 * (and the tests' fuzzing) may hand in any value, and an object with a broken `toString` must not
 * reach a template string.
 */
function knownFacts(raw: unknown): LinkProductFacts | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const facts = raw as Record<string, unknown>;
  const price = facts['price'] as Record<string, unknown> | null | undefined;
  const amount = typeof price === 'object' && price !== null ? finite(price['amount']) : null;
  const currency = typeof price === 'object' && price !== null ? text(price['currency']) : null;
  const hot = flag(facts['hot']);
  // `hot` is the only fact that can be absent (undefined) rather than null: left out then.
  const known: { -readonly [K in keyof LinkProductFacts]: LinkProductFacts[K] } = {
    title: text(facts['title']),
    categoryKey: text(facts['categoryKey']) as LinkProductFacts['categoryKey'],
    hotRate: finite(facts['hotRate']),
    affiliate: flag(facts['affiliate']) ?? null,
    price: amount !== null && currency !== null ? { amount, currency } : null,
    storeKind: text(facts['storeKind']) as LinkProductFacts['storeKind'],
    sellerCountry: text(facts['sellerCountry']),
  };
  if (hot !== undefined) known.hot = hot;
  return known;
}

/**
 * `tables`: the embedded `DEFAULT_RATE_TABLES`, or those merged with a validated remote bundle.
 * Total: every field is read as its declared type, and anything else counts as unknown (an
 * unknown program has no rate table, which the estimate says).
 */
export function assessLink(input: AssessLinkInput, tables: RateTables = DEFAULT_RATE_TABLES): LinkAssessment {
  const raw: Partial<Record<keyof AssessLinkInput, unknown>> = typeof input === 'object' && input !== null ? input : {};
  const url = text(raw.url) ?? '';
  let product = knownFacts(raw.product);
  // The URL's own host can say Tmall or Plaza (./store-kind.ts); what the caller knows wins.
  const storefront = storeKindFromUrl(url);
  if (storefront && !product?.storeKind) product = { ...product, storeKind: storefront };
  return assessParsed(
    parseProductUrl(url),
    {
      program: (text(raw.program) ?? 'other') as ProgramId,
      network: text(raw.network) as AccountNetwork | null,
      audienceCountry: text(raw.audienceCountry),
      product,
      now: raw.now instanceof Date ? raw.now : new Date(Number.NaN),
    },
    tables,
  );
}

/**
 * `assessParsed` for many links under one program, audience, network and clock (the batch
 * converter), with the same result (tested). The estimate varies only in the fields of its key,
 * which take few values, so links that share them share it; the sale-window rule reads only the
 * clock, program and tables, so it runs once, and it is the costliest rule (it builds dates).
 */
export function createRepeatedAssessor(tables: RateTables, common: Omit<AssessLinkInput, 'url' | 'product'>) {
  const estimates = new Map<string, Estimate>();
  let saleWarnings: readonly Warning[] | undefined;
  const rulesFor = (context: RuleContext): Warning[] => {
    const found: Warning[] = [];
    for (const rule of RULES) {
      try {
        if (rule === saleWindowWarnings) found.push(...(saleWarnings ??= rule(context, tables)));
        else found.push(...rule(context, tables));
      } catch {
        // Skipped, as evaluateRules skips a rule that fails on odd input.
      }
    }
    return rankWarnings(found);
  };
  const resolved = resolveTerms(tables, common.program, common.network);
  return (parsed: ParsedUrl, product: LinkProductFacts): LinkAssessment => {
    const context = { program: common.program, network: common.network ?? null, audienceCountry: common.audienceCountry, product, now: common.now, resolved };
    const linkKind = linkKindOf(parsed);
    const key = JSON.stringify([linkKind, product.categoryKey, product.hot, product.hotRate, product.affiliate, product.price, product.storeKind, product.sellerCountry]);
    let estimate = estimates.get(key);
    if (!estimate) {
      estimate = estimateCommission({ ...context, linkKind }, tables);
      estimates.set(key, estimate);
    }
    return { parsed, estimate, warnings: rulesFor({ ...context, parsed, tables }) };
  };
}
