/**
 * A small static reader of what a TypeScript source depends on: its import and re-export
 * specifiers, and its uses of the `browser`/`chrome` extension API objects. It is a lexer, not a
 * parser: it blanks comments (so a commented-out import does not count) and string contents (so
 * a URL such as 'https://chrome.google.com' is not an API use), then matches statements.
 *
 * Known limits, acceptable for a layering guard: an API object reached under another name
 * (`const { storage } = browser`, `api.storage` after injection) is not seen, and `require()`
 * is not read (the extension is ES modules only).
 */

export interface ImportRecord {
  /** The specifier as written: `wxt/browser`, `../storage/keys`, `@/lib/rates`. */
  readonly specifier: string;
  /**
   * True for `import type ...`, `export type ... from` and `typeof import(...)`: erased from the
   * build. `import { type A } from 'x'` is NOT type-only: under `verbatimModuleSyntax` (set in
   * tsconfig.json) it is kept as `import {} from 'x'`, which loads the module.
   */
  readonly typeOnly: boolean;
  readonly line: number;
}

export interface ApiUse {
  /** `browser.storage`, `chrome.runtime`: the API object and the member read from it. */
  readonly expression: string;
  readonly line: number;
}

export interface SourceDependencies {
  readonly imports: readonly ImportRecord[];
  readonly apiUses: readonly ApiUse[];
}

interface Blanked {
  /** Comments replaced by spaces; strings kept (import specifiers live in them). */
  readonly withoutComments: string;
  /** Comments and the contents of string, template and regex literals replaced by spaces. */
  readonly codeOnly: string;
}

/**
 * Characters after which a `/` starts a regular expression rather than a division. `<` and `>`
 * are left out: in TSX they precede the `/` of closing tags far more often than a regex.
 */
const REGEX_PRECEDERS = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '~', '^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** Blanks comments and literal contents while keeping every offset (so line numbers hold). */
function blankSource(source: string): Blanked {
  let withoutComments = '';
  let codeOnly = '';
  /** Open template literals: the brace depth of each `${` expression we are inside. */
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let i = 0;
  const lastSignificant = () => {
    let end = codeOnly.length;
    while (end > 0 && /\s/.test(codeOnly[end - 1]!)) end -= 1;
    return codeOnly.slice(Math.max(0, end - 8), end);
  };

  const emit = (text: string, inCode: 'keep' | 'blank', inStripped: 'keep' | 'blank') => {
    withoutComments += inStripped === 'keep' ? text : blank(text);
    codeOnly += inCode === 'keep' ? text : blank(text);
  };

  /** Reads a template literal's text from `i` (just after a backtick or a closing `}`). */
  const readTemplateText = () => {
    let end = i;
    while (end < source.length) {
      const c = source[end];
      if (c === '\\') end += 2;
      else if (c === '`') {
        emit(source.slice(i, end), 'blank', 'keep');
        emit('`', 'keep', 'keep');
        i = end + 1;
        return;
      } else if (c === '$' && source[end + 1] === '{') {
        emit(source.slice(i, end), 'blank', 'keep');
        emit('${', 'keep', 'keep');
        templateDepths.push(braceDepth);
        braceDepth += 1;
        i = end + 2;
        return;
      } else end += 1;
    }
    emit(source.slice(i), 'blank', 'keep');
    i = source.length;
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      emit(source.slice(i, stop), 'blank', 'blank');
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      emit(source.slice(i, stop), 'blank', 'blank');
      i = stop;
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < source.length && source[end] !== c && source[end] !== '\n') end += source[end] === '\\' ? 2 : 1;
      emit(c, 'keep', 'keep');
      emit(source.slice(i + 1, end), 'blank', 'keep');
      emit(source.slice(end, end + 1), 'keep', 'keep');
      i = end + 1;
    } else if (c === '`') {
      emit('`', 'keep', 'keep');
      i += 1;
      readTemplateText();
    } else if (c === '/' && (REGEX_PRECEDERS.has(lastSignificant().slice(-1)) || REGEX_KEYWORDS.test(lastSignificant()))) {
      let end = i + 1;
      let inClass = false;
      while (end < source.length && source[end] !== '\n') {
        const r = source[end];
        if (r === '\\') end += 1;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        end += 1;
      }
      emit('/', 'keep', 'keep');
      emit(source.slice(i + 1, end), 'blank', 'keep');
      emit(source.slice(end, end + 1), 'keep', 'keep');
      i = end + 1;
    } else if (c === '{') {
      braceDepth += 1;
      emit(c, 'keep', 'keep');
      i += 1;
    } else if (c === '}') {
      braceDepth -= 1;
      emit(c, 'keep', 'keep');
      i += 1;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth) {
        templateDepths.pop();
        readTemplateText();
      }
    } else {
      emit(c, 'keep', 'keep');
      i += 1;
    }
  }
  return { withoutComments, codeOnly };
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** `import x from`, `import type { A } from`, `export * from`, `export type * as n from` ... */
const STATIC_IMPORT = /(?<![\w$.])(import|export)\s+(type\s+)?((?:[\w$]+\s*,\s*)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^{}]*\}|[\w$]+))\s*from\s*(['"])([^'"\n]+)\4/g;
/** `import 'side-effect'` */
const BARE_IMPORT = /(?<![\w$.])import\s*(['"])([^'"\n]+)\1/g;
/** `import('x')`, and `typeof import('x')` in a type */
const DYNAMIC_IMPORT = /(?<![\w$.])(typeof\s+)?import\s*\(\s*(['"])([^'"\n]+)\2\s*\)/g;
/** `browser.x`, `chrome?.x`, `globalThis.browser.x` */
const API_USE = /(?<![\w$.])(?:globalThis\s*\??\.\s*)?(browser|chrome)\s*\??\.\s*([\w$]+)/g;

export function readDependencies(source: string): SourceDependencies {
  const { withoutComments, codeOnly } = blankSource(source);
  const imports: ImportRecord[] = [];
  for (const match of withoutComments.matchAll(STATIC_IMPORT)) {
    imports.push({ specifier: match[5]!, typeOnly: Boolean(match[2]), line: lineAt(source, match.index) });
  }
  for (const match of withoutComments.matchAll(BARE_IMPORT)) {
    imports.push({ specifier: match[2]!, typeOnly: false, line: lineAt(source, match.index) });
  }
  for (const match of withoutComments.matchAll(DYNAMIC_IMPORT)) {
    imports.push({ specifier: match[3]!, typeOnly: Boolean(match[1]), line: lineAt(source, match.index) });
  }
  imports.sort((a, b) => a.line - b.line);
  const apiUses = [...codeOnly.matchAll(API_USE)].map((match) => ({ expression: `${match[1]}.${match[2]}`, line: lineAt(source, match.index) }));
  return { imports, apiUses };
}

/** Path aliases from .wxt/tsconfig.json: each maps to the repository root. */
const ROOT_ALIASES = ['@@/', '~~/', '@/', '~/'];

/**
 * The repository path a specifier points at, without extension and without a trailing `/index`
 * (`lib/storage/keys`, `lib/rates`), or the package name for a bare specifier (`wxt/browser`).
 */
export function resolveSpecifier(fromFile: string, specifier: string): { readonly kind: 'file' | 'package'; readonly target: string } {
  const alias = ROOT_ALIASES.find((prefix) => specifier.startsWith(prefix));
  let target: string;
  if (alias) target = specifier.slice(alias.length);
  else if (specifier.startsWith('.')) {
    const parts = fromFile.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    target = parts.join('/');
  } else return { kind: 'package', target: specifier };
  return { kind: 'file', target: target.replace(/\.(?:ts|tsx|js|mjs)$/, '').replace(/\/index$/, '') };
}
