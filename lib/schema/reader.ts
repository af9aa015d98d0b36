/**
 * A small reader for stored shapes, with the `safeParse`/`parse` surface of zod.
 *
 * Why not zod/mini here: the popup must stay within 15 KB of gzipped JS (docs/architecture.md, 'Budgets') and
 * it reads accounts, presets and settings from storage on every open. Measured on this build,
 * Preact + signals + webextension-polyfill are 12.3 KB, and zod/mini's core for these shapes
 * is 6.6 KB on top, which leaves no room for the product itself. Remote data (rate tables,
 * API answers, message payloads in the background) still goes through zod.
 */

export type Path = readonly (string | number)[];

export interface Issue {
  readonly path: Path;
  readonly message: string;
  /** A field-level issue from a refinement, carried through for the forms. */
  readonly detail?: unknown;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };

export interface Schema<T> {
  safeParse(input: unknown): SafeParseResult<T>;
  /** Throws a `SchemaError` listing the issues. */
  parse(input: unknown): T;
}

export class SchemaError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  }
}

/** Reads one value at `path` or throws a `SchemaError` with a single issue. */
export type Reader<T> = (input: unknown, path: Path) => T;

const fail = (path: Path, message: string): never => {
  throw new SchemaError([{ path, message }]);
};

export interface StringRules {
  readonly min?: number;
  readonly max?: number;
  readonly trim?: boolean;
  readonly pattern?: RegExp;
}

export const string =
  ({ min = 0, max = Infinity, trim = false, pattern }: StringRules = {}): Reader<string> =>
  (input, path) => {
    if (typeof input !== 'string') return fail(path, 'expected a string');
    const value = trim ? input.trim() : input;
    if (value.length < min) return fail(path, min === 1 ? 'required' : `at least ${min} characters`);
    if (value.length > max) return fail(path, `at most ${max} characters`);
    if (pattern && !pattern.test(value)) return fail(path, `does not match ${pattern}`);
    return value;
  };

export const boolean = (): Reader<boolean> => (input, path) => (typeof input === 'boolean' ? input : fail(path, 'expected true or false'));

export const finiteNumber = (): Reader<number> => (input, path) =>
  typeof input === 'number' && Number.isFinite(input) ? input : fail(path, 'expected a number');

export const oneOf =
  <const V extends string>(values: readonly V[]): Reader<V> =>
  (input, path) =>
    values.includes(input as V) ? (input as V) : fail(path, `expected one of ${values.join(', ')}`);

export const nullable =
  <T>(read: Reader<T>): Reader<T | null> =>
  (input, path) =>
    input === null ? null : read(input, path);

/** An object with exactly these keys read; unknown keys are dropped, like zod's default. */
export function object<S extends Record<string, Reader<unknown>>>(shape: S): Reader<{ [K in keyof S]: ReturnType<S[K]> }> {
  return (input, path) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(path, 'expected an object');
    const out: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(shape)) {
      const value = read((input as Record<string, unknown>)[key], [...path, key]);
      if (value !== undefined) out[key] = value;
    }
    return out as { [K in keyof S]: ReturnType<S[K]> };
  };
}

export const optional =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (input, path) =>
    input === undefined ? undefined : read(input, path);

/** A list of at most `max` values, each read with `read`; one bad value fails the list with its index. */
export const array =
  <T>(read: Reader<T>, { max = Infinity }: { readonly max?: number } = {}): Reader<T[]> =>
  (input, path) => {
    if (!Array.isArray(input)) return fail(path, 'expected a list');
    if (input.length > max) return fail(path, `at most ${max} items`);
    return input.map((value, index) => read(value, [...path, index]));
  };

/** An object used as a map from string keys to values read with `read`; inherited and `__proto__` keys are never read. */
export const record =
  <T>(read: Reader<T>): Reader<Record<string, T>> =>
  (input, path) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(path, 'expected an object');
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    for (const [key, value] of Object.entries(input)) if (key !== '__proto__') out[key] = read(value, [...path, key]);
    return out;
  };

/** A union told apart by one literal key, like zod's discriminatedUnion. */
export function tagged<K extends string, V extends Record<string, Reader<object>>>(key: K, variants: V): Reader<ReturnType<V[keyof V]>> {
  return (input, path) => {
    const tag = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
    const read = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (!read) return fail([...path, key], `expected one of ${Object.keys(variants).join(', ')}`);
    return read(input, path) as ReturnType<V[keyof V]>;
  };
}

/** Wraps a reader (and optional refinement that reports more issues) as a Schema. */
export function schema<T>(read: Reader<T>, refine?: (value: T) => readonly Issue[]): Schema<T> {
  const safeParse = (input: unknown): SafeParseResult<T> => {
    try {
      const data = read(input, []);
      const issues = refine?.(data) ?? [];
      return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data };
    } catch (error) {
      if (error instanceof SchemaError) return { success: false, error: { issues: error.issues } };
      throw error;
    }
  };
  return {
    safeParse,
    parse(input) {
      const result = safeParse(input);
      if (!result.success) throw new SchemaError(result.error.issues);
      return result.data;
    },
  };
}
