/**
 * zod compiles a fast parser per object schema with `new Function` unless told not to, and it
 * probes for that ability when a schema is defined. An extension's content security policy
 * forbids it: the probe is caught, but the browser still reports a CSP violation, and
 * addons-linter flags the constructor (DANGEROUS_EVAL). Jitless mode skips both
 * (https://zod.dev/packages/core, "jitless").
 *
 * Schemas read the setting when they are defined, at module load, so this module must be the
 * FIRST import of every entrypoint that loads zod (entrypoints/background.ts,
 * entrypoints/options/main.tsx); a unit test checks that order. The build also replaces zod's
 * `Function` constructor uses with a stub that throws (scripts/build/zod-without-eval.ts), so
 * no bundle can evaluate code, whatever the order.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
