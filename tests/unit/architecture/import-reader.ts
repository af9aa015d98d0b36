/**
 * A small static reader of what a TypeScript source depends on: its import and re-export
 * specifiers, and its uses of the `browser`/`chrome` extension API objects. It is a lexer, not a
 * parser: it blanks comments (so a commented-out import does not count) and literal contents (so
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

/**
 * Characters after which a `/` starts a regular expression rather than a division. `<` and `>`
 * are left out: in TSX they precede the `/` of closing tags far more often than a regex.
 */
const REGEX_PRECEDERS = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '~', '^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * The source with comments and the contents of string, template and regex literals replaced by
 * spaces; every offset is kept, so positions and line numbers hold.
 */
function blankSource(source: string): string {
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

  const emit = (text: string, mode: 'keep' | 'blank') => {
    codeOnly += mode === 'keep' ? text : blank(text);
  };

  /** Reads a template literal's text from `i` (just after a backtick or a closing `}`). */
  const readTemplateText = () => {
    let end = i;
    while (end < source.length) {
      const c = source[end];
      if (c === '\\') end += 2;
      else if (c === '`') {
        emit(source.slice(i, end), 'blank');
        emit('`', 'keep');
        i = end + 1;
        return;
      } else if (c === '$' && source[end + 1] === '{') {
        emit(source.slice(i, end), 'blank');
        emit('${', 'keep');
        templateDepths.push(braceDepth);
        braceDepth += 1;
        i = end + 2;
        return;
      } else end += 1;
    }
    emit(source.slice(i), 'blank');
    i = source.length;
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      emit(source.slice(i, stop), 'blank');
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      emit(source.slice(i, stop), 'blank');
      i = stop;
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < source.length && source[end] !== c && source[end] !== '\n') end += source[end] === '\\' ? 2 : 1;
      emit(c, 'keep');
      emit(source.slice(i + 1, end), 'blank');
      emit(source.slice(end, end + 1), 'keep');
      i = end + 1;
    } else if (c === '`') {
      emit('`', 'keep');
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
      emit('/', 'keep');
      emit(source.slice(i + 1, end), 'blank');
      emit(source.slice(end, end + 1), 'keep');
      i = end + 1;
    } else if (c === '{') {
      braceDepth += 1;
      emit(c, 'keep');
      i += 1;
    } else if (c === '}') {
      braceDepth -= 1;
      emit(c, 'keep');
      i += 1;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth) {
        templateDepths.pop();
        readTemplateText();
      }
    } else {
      emit(c, 'keep');
      i += 1;
    }
  }
  return codeOnly;
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/*
 * The patterns run over the code with string contents blanked (so an import written inside a
 * string is not read), and the specifier is then read from the source at the same offsets.
 */
/** `import x from`, `import type { A } from`, `export * from`, `export type * as n from` ... */
const STATIC_IMPORT = /(?<![\w$.])(?:import|export)\s+(type\s+)?(?:(?:[\w$]+\s*,\s*)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^{}]*\}|[\w$]+))\s*from\s*(['"])([^'"\n]*)\2/dg;
/** `import 'side-effect'` */
const BARE_IMPORT = /(?<![\w$.])import\s*(['"])([^'"\n]*)\1/dg;
/** `import('x')`, and `typeof import('x')` in a type */
const DYNAMIC_IMPORT = /(?<![\w$.])(typeof\s+)?import\s*\(\s*(['"])([^'"\n]*)\2\s*\)/dg;
/** `browser.x`, `chrome?.x`, `globalThis.browser.x` */
const API_USE = /(?<![\w$.])(?:globalThis\s*\??\.\s*)?(browser|chrome)\s*\??\.\s*([\w$]+)/g;

export function readDependencies(source: string): SourceDependencies {
  const codeOnly = blankSource(source);
  const imports: ImportRecord[] = [];
  const read = (pattern: RegExp, specifierGroup: number, typeGroup?: number) => {
    for (const match of codeOnly.matchAll(pattern)) {
      const [start, end] = match.indices![specifierGroup]!;
      const typeOnly = typeGroup !== undefined && match[typeGroup] !== undefined;
      imports.push({ specifier: source.slice(start, end), typeOnly, line: lineAt(source, match.index) });
    }
  };
  read(STATIC_IMPORT, 3, 1);
  read(BARE_IMPORT, 2);
  read(DYNAMIC_IMPORT, 3, 1);
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
