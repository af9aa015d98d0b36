/**
 * From coded facts and warnings to catalog substitutions. The core returns codes and typed
 * params; the UI turns each into `t(key, substitutions)`. Param names decide how a value is
 * shown (a `category` is a label from the catalog, a `*Pct` is a number), so every message with
 * the same param reads the same everywhere.
 */
import { formatSeedDate } from './dates';
import { FACT_PARAMS, type Fact, type FactId, type ParamValue } from './facts';

export interface MessageFormatters {
  readonly number: (value: number) => string;
  readonly country: (code: string) => string;
  readonly region: (id: string) => string;
  readonly productClass: (id: string) => string;
  readonly category: (key: string) => string;
  readonly program: (id: string) => string;
  readonly store: (kind: string) => string;
  /** ISO date (`2022-10-20`), a yearless one (`--04-04`), or a wall-clock time with offset and zone (`2025-10-28T06:00:00-08:00[PST]`). */
  readonly date: (iso: string) => string;
}

type Kind = keyof MessageFormatters | 'text';

const PARAM_KINDS: Readonly<Record<string, Kind>> = {
  country: 'country',
  audienceCountry: 'country',
  shipTo: 'country',
  region: 'region',
  productClass: 'productClass',
  category: 'category',
  program: 'program',
  otherProgram: 'program',
  store: 'store',
  date: 'date',
  start: 'date',
  end: 'date',
  currency: 'text',
  capCurrency: 'text',
};

/** Catalog keys of the labels params refer to. */
export const categoryLabelKey = (key: string) => `cat_${key}`;
export const regionLabelKey = (id: string) => `rate_region_${id}`;
export const productClassLabelKey = (id: string) => `rate_class_${id}`;
export const storeLabelKey = (kind: string) => `rate_store_${kind}`;
/** `ru-cis-new` -> `program_ruCisNew`, the keys the preset form already uses. */
export const programLabelKey = (id: string) => `program_${id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;

export const plainFormatters: MessageFormatters = {
  number: (value) => String(value),
  country: (code) => code,
  region: (id) => id,
  productClass: (id) => id,
  category: (key) => key,
  program: (id) => id,
  store: (kind) => kind,
  date: (iso) => iso,
};

/**
 * Formatters that read labels from the extension's catalog: pass the UI's `t` and language.
 * Countries use `Intl.DisplayNames` where available, so "DE" reads "Germany" / "Германия".
 */
export function catalogFormatters(translate: (key: string) => string, locale?: string): MessageFormatters {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  let countries: Intl.DisplayNames | undefined;
  try {
    countries = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  } catch {
    countries = undefined;
  }
  const dateText = { yearNotStated: translate('date_yearNotStated'), yourTime: translate('date_yourTime') };
  const dates = (iso: string) => formatSeedDate(iso, locale, dateText);
  return {
    number: (value) => numbers.format(value),
    country: (code) => countries?.of(code) ?? code,
    region: (id) => translate(regionLabelKey(id)),
    productClass: (id) => translate(productClassLabelKey(id)),
    category: (key) => translate(categoryLabelKey(key)),
    program: (id) => translate(programLabelKey(id)),
    store: (kind) => translate(storeLabelKey(kind)),
    date: dates,
  };
}

/** Substitutions for $1..$n, in the order `order` names the params. */
export function messageArgs(params: Readonly<Record<string, ParamValue>>, order: readonly string[], formatters: MessageFormatters = plainFormatters): string[] {
  return order.map((name) => {
    const value = params[name];
    if (value === undefined) return '';
    if (typeof value === 'number') return formatters.number(value);
    const kind = PARAM_KINDS[name] ?? 'text';
    return kind === 'text' || kind === 'number' ? value : formatters[kind](value);
  });
}

export function factMessage(item: Fact, formatters?: MessageFormatters): { key: `fact_${FactId}`; substitutions: string[] } {
  return { key: `fact_${item.id}`, substitutions: messageArgs(item.params, FACT_PARAMS[item.id], formatters) };
}
