import type { Plugin } from 'vite';

/**
 * zod reaches the `Function` constructor in two places, its JIT probe and its JIT compiler,
 * each written `const F = Function;`. Sublink runs zod jitless (lib/schema/zod-jitless.ts), so
 * neither runs; this replaces them with a constructor that throws, which is what zod's own
 * fallback expects under a strict content security policy. The bundles then contain no
 * `Function` constructor for addons-linter to flag or a browser to refuse. A unit test reads
 * the built files (tests/unit/build/no-eval.test.ts), so a zod release that writes it another
 * way fails the build's checks instead of shipping eval.
 */
const FUNCTION_CONSTRUCTOR = 'const F = Function;';
const REFUSING_CONSTRUCTOR = 'const F = function () { throw new EvalError("Sublink runs zod jitless"); };';

export function zodWithoutEval(): Plugin {
  return {
    name: 'sublink:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !code.includes(FUNCTION_CONSTRUCTOR)) return null;
      return { code: code.replaceAll(FUNCTION_CONSTRUCTOR, REFUSING_CONSTRUCTOR), map: null };
    },
  };
}
