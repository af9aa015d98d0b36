/**
 * The zod schema of rate tables and of the bundle a remote rate-table URL serves (docs/architecture.md,
 * 'Hard rules' 5: remote data is untrusted). Strict objects everywhere: an unknown key (`__proto__`,
 * `constructor`, a typo) is a rejection with its path, not something silently dropped, so the
 * options page can show exactly which field of a team's table is wrong.
 *
 * Only the background and the options page import this; the popup and the estimator use the
 * plain types in ./types.ts (the popup's bundle has no room for zod).
 */
import { z } from 'zod';
import { SEED_FILE_NAME } from './seeds';
import {
  CATEGORY_KEYS,
  CURRENCIES,
  PRODUCT_CLASSES,
  RATE_PROGRAM_IDS,
  REGION_IDS,
  SELLER_KINDS,
  STORE_KINDS,
  type RateBundle,
  type RateTable,
} from './types';

/** Limits that no honest table comes near; they bound what a hostile payload can make us hold. */
export const RATE_LIMITS = {
  countries: 250,
  regions: 16,
  rates: 500,
  cookies: 16,
  bonuses: 64,
  exclusions: 32,
  advice: 16,
  saleWindows: 32,
  quote: 600,
  text: 120,
} as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a calendar date');

/** What the seed prints: a full date, or `--MM-DD` when it names no year. */
const seedDate = z.union([isoDate, z.string().regex(/^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD or --MM-DD')]);

export const sourceSchema = z.strictObject({
  seed: z.string().regex(SEED_FILE_NAME, 'expected a seed file name like 001_0123456789abcdef.txt'),
  date: seedDate.optional(),
  quote: z.string().min(1).max(RATE_LIMITS.quote).optional(),
});

const percent = z.number().min(0, 'a rate cannot be negative').max(100, 'a rate cannot exceed 100%');
const money = z.number().positive().max(1_000_000);
const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code like DE');
const countries = z.array(country).min(1).max(RATE_LIMITS.countries);
const entryId = z.string().regex(/^[A-Za-z0-9._-]{1,120}$/, 'expected letters, digits, dot, dash or underscore');
const regionId = z.enum(REGION_IDS);
const currency = z.enum(CURRENCIES);

const rateRange = z
  .strictObject({ min: percent, max: percent.nullable() })
  .refine((range) => range.max === null || range.min <= range.max, { message: 'min is above max', path: ['min'] });

const region = z.discriminatedUnion('kind', [
  z.strictObject({ id: regionId, kind: z.literal('listed'), countries, source: sourceSchema }),
  z.strictObject({ id: regionId, kind: z.literal('rest'), source: sourceSchema }),
]);

const rateEntry = z.strictObject({
  id: entryId,
  region: regionId.optional(),
  productClass: z.enum(PRODUCT_CLASSES),
  categories: z.array(z.enum(CATEGORY_KEYS)).min(1).max(CATEGORY_KEYS.length).optional(),
  countries: countries.optional(),
  storeKind: z.enum(STORE_KINDS).optional(),
  seller: z.enum(SELLER_KINDS).optional(),
  rate: rateRange,
  from: isoDate.optional(),
  until: isoDate.optional(),
  conflictsWith: z.array(entryId).min(1).max(8).optional(),
  derived: z.boolean().optional(),
  source: sourceSchema,
});

const cookie = z.discriminatedUnion('kind', [
  z.strictObject({ region: regionId.optional(), kind: z.literal('days'), days: z.number().int().min(0).max(365), source: sourceSchema }),
  z.strictObject({ region: regionId.optional(), kind: z.literal('session'), source: sourceSchema }),
]);

const exclusion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('shipping'), source: sourceSchema }),
  z.strictObject({ kind: z.literal('virtualGoods'), source: sourceSchema }),
  z.strictObject({ kind: z.literal('serviceFee'), upToPct: percent, countries, source: sourceSchema }),
  z.strictObject({
    kind: z.literal('store'),
    storeKind: z.enum(STORE_KINDS),
    condition: z.literal('shipsFromRussia').optional(),
    source: sourceSchema,
  }),
  z.strictObject({ kind: z.literal('sellerOrigin'), excluded: z.array(z.enum(SELLER_KINDS)).min(1).max(SELLER_KINDS.length), source: sourceSchema }),
  z.strictObject({ kind: z.literal('paymentCurrency'), allowed: z.array(currency).min(1).max(CURRENCIES.length), source: sourceSchema }),
  z.strictObject({ kind: z.literal('appExpressDelivery'), source: sourceSchema }),
]);

const daysInMonth = (month: number, day: number) => day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
const moment = z
  .strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'expected HH:MM:SS'),
  })
  .refine((m) => daysInMonth(m.month, m.day), { message: 'no such day in that month', path: ['day'] });

const saleWindow = z.strictObject({
  id: entryId,
  purpose: z.enum(['presale', 'sale']),
  attribution: z.enum(['firstCookieWin', 'lastCookieWin']),
  start: moment,
  end: moment,
  utcOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'expected an offset like -08:00'),
  zoneLabel: z.string().regex(/^[A-Z]{2,5}$/, 'expected a zone abbreviation like PST').optional(),
  source: sourceSchema,
});

type Ctx = z.core.$RefinementCtx<unknown>;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });

function checkUniqueIds(ctx: Ctx, list: readonly { id: string }[], key: string) {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) issue(ctx, [key, index, 'id'], `duplicate id ${item.id}`);
    seen.add(item.id);
  });
}

export const rateTableSchema = z
  .strictObject({
    program: z.enum(RATE_PROGRAM_IDS),
    version: z.string().min(1).max(RATE_LIMITS.text),
    source: sourceSchema,
    regions: z.array(region).min(1).max(RATE_LIMITS.regions),
    rates: z.array(rateEntry).min(1).max(RATE_LIMITS.rates),
    cap: z.strictObject({ amount: money, currency, source: sourceSchema }).nullable(),
    cookies: z.array(cookie).max(RATE_LIMITS.cookies),
    newBuyerBonuses: z.array(z.strictObject({ countries, amount: money, currency, source: sourceSchema })).max(RATE_LIMITS.bonuses),
    notCommissionable: z.array(exclusion).max(RATE_LIMITS.exclusions),
    advice: z
      .array(z.strictObject({ region: regionId, preferProgram: z.enum(RATE_PROGRAM_IDS), factorPct: percent.optional(), source: sourceSchema }))
      .max(RATE_LIMITS.advice),
    saleWindows: z.array(saleWindow).max(RATE_LIMITS.saleWindows),
    payout: z.strictObject({ currency, from: isoDate.optional(), source: sourceSchema }).nullable(),
  })
  .superRefine((table, ctx) => {
    const regionIds = new Set<string>();
    const listedIn = new Map<string, string>();
    let rest = 0;
    table.regions.forEach((r, index) => {
      if (regionIds.has(r.id)) issue(ctx, ['regions', index, 'id'], `duplicate region ${r.id}`);
      regionIds.add(r.id);
      if (r.kind === 'rest') rest += 1;
      else
        r.countries.forEach((code, at) => {
          const other = listedIn.get(code);
          if (other !== undefined && other !== r.id) issue(ctx, ['regions', index, 'countries', at], `${code} is also in region ${other}`);
          listedIn.set(code, r.id);
        });
    });
    if (rest > 1) issue(ctx, ['regions'], 'at most one region can hold the rest of the world');
    const knownRegion = (path: (string | number)[], id: string | undefined) => {
      if (id !== undefined && !regionIds.has(id)) issue(ctx, path, `no region ${id} in this table`);
    };
    checkUniqueIds(ctx, table.rates, 'rates');
    const rateIds = new Set(table.rates.map((r) => r.id));
    table.rates.forEach((entry, index) => {
      knownRegion(['rates', index, 'region'], entry.region);
      entry.conflictsWith?.forEach((id, at) => {
        if (!rateIds.has(id) || id === entry.id) issue(ctx, ['rates', index, 'conflictsWith', at], `no other rate ${id} in this table`);
      });
      if (entry.from && entry.until && entry.from >= entry.until) issue(ctx, ['rates', index, 'until'], 'until must be after from');
    });
    table.cookies.forEach((c, index) => knownRegion(['cookies', index, 'region'], c.region));
    table.advice.forEach((a, index) => {
      knownRegion(['advice', index, 'region'], a.region);
      if (a.preferProgram === table.program) issue(ctx, ['advice', index, 'preferProgram'], 'a program cannot point to itself');
    });
    checkUniqueIds(ctx, table.saleWindows, 'saleWindows');
  });

export const RATE_BUNDLE_SCHEMA_VERSION = 1;

export const rateBundleSchema = z.strictObject({
  schemaVersion: z.literal(RATE_BUNDLE_SCHEMA_VERSION),
  version: z.string().min(1).max(RATE_LIMITS.text),
  publishedAt: isoDate.optional(),
  tables: z
    .strictObject({
      ww: rateTableSchema.optional(),
      'ru-cis-new': rateTableSchema.optional(),
      portals: rateTableSchema.optional(),
      'eu-benelux': rateTableSchema.optional(),
    })
    .superRefine((tables, ctx) => {
      const entries = Object.entries(tables).filter(([, table]) => table !== undefined);
      if (entries.length === 0) issue(ctx, [], 'expected at least one program table');
      for (const [key, table] of entries) {
        if (table!.program !== key) issue(ctx, [key, 'program'], `table under ${key} is for ${table!.program}`);
      }
    }),
});

// The schema's output must be usable wherever the plain types are: this stops compiling if the
// two drift apart.
const schemaOutputIsRateTable = (value: z.output<typeof rateTableSchema>): RateTable => value;
const schemaOutputIsRateBundle = (value: z.output<typeof rateBundleSchema>): RateBundle => value;
void schemaOutputIsRateTable;
void schemaOutputIsRateBundle;

/** A rejection in terms the options page shows: the first issue's exact field path. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  /** How many issues zod found in all. */
  readonly count: number;
}

export const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export function describeZodError(error: z.ZodError): SchemaProblem {
  const first = error.issues[0];
  if (!first) return { path: '', message: 'invalid', count: 0 };
  // zod reports an unknown key at its parent; the key itself is the field the user must fix.
  const path = first.code === 'unrecognized_keys' && first.keys[0] !== undefined ? [...first.path, first.keys[0]] : first.path;
  return { path: formatPath(path), message: first.message, count: error.issues.length };
}
