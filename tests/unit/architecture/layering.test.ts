// @vitest-environment node
/**
 * The layers of docs/architecture.md ('Layers'), as a test: it reads what every file under lib/,
 * components/ and entrypoints/ imports, and which extension APIs it touches, and fails with the
 * rule it breaks. The shape follows Refined GitHub's build/features.test.ts: one case per file,
 * and a failure message that says what is wrong and why.
 *
 * Type-only imports count like any other import, with the exceptions written in the rules below
 * (each says why): a type still couples the importer to the module that owns it. Note that
 * `import { type A } from 'x'` is a value import here, because `verbatimModuleSyntax` keeps it
 * in the build as `import {} from 'x'` (see import-reader.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDependencies, resolveSpecifier, type ApiUse, type ImportRecord } from './import-reader';

const root = path.resolve(import.meta.dirname, '../../..');

/** Pure code: no browser API, no storage, no messaging, no feature. */
const DOMAIN_FOLDERS = ['url', 'networks', 'presets', 'rates', 'rules', 'hotlist', 'insights', 'batch', 'csv', 'schema', 'async'];
/** Folders under lib/ that are one feature each, with the entrypoints that belong to them. */
const FEATURES: Readonly<Record<string, readonly string[]>> = {
  background: ['lib/background/', 'entrypoints/background.ts', 'entrypoints/offscreen/'],
  popup: ['lib/popup/', 'entrypoints/popup/', 'entrypoints/popup-preload.ts'],
  options: ['lib/options/', 'entrypoints/options/'],
  api: ['lib/api/'],
};
/** Component folders by page; `shared` is used by both. */
const PAGES: Readonly<Record<string, readonly string[]>> = {
  popup: ['components/popup/', 'entrypoints/popup/', 'entrypoints/popup-preload.ts'],
  options: ['components/options/', 'entrypoints/options/'],
  shared: ['components/shared/'],
};

/** Packages that are, or wrap, the extension APIs. */
const BROWSER_API_PACKAGE = /^(?:wxt(?:\/|$)|#imports$|webextension-polyfill$|@wxt-dev\/(?:webextension-polyfill|storage)(?:\/|$)|@webext-core\/)/;
/** WXT's storage wrappers: browser.storage under another name. */
const STORAGE_PACKAGE = /^(?:wxt\/(?:utils\/)?storage$|@wxt-dev\/storage$|#imports$)/;

type Dependency =
  | { readonly kind: 'import'; readonly record: ImportRecord; readonly target: string; readonly isPackage: boolean }
  | { readonly kind: 'api'; readonly use: ApiUse };

interface Allowance {
  readonly from: string;
  readonly to: string;
  /** When set, only `import type` is allowed. */
  readonly typeOnly?: boolean;
  readonly reason: string;
}

interface LayerRule {
  readonly name: string;
  /** What the rule says, as the failure message states it. */
  readonly rule: string;
  readonly reason: string;
  readonly appliesTo: (file: string) => boolean;
  readonly forbids: (dependency: Dependency, file: string) => boolean;
  readonly allowed?: readonly Allowance[];
}

const within = (file: string, prefixes: readonly string[]) => prefixes.some((prefix) => file === prefix || file.startsWith(prefix) || `${file}/`.startsWith(prefix));
const isDomain = (file: string) => DOMAIN_FOLDERS.some((folder) => within(file, [`lib/${folder}/`]));
const featureOf = (file: string) => Object.keys(FEATURES).find((feature) => within(file, FEATURES[feature]!));
const pageOf = (file: string) => Object.keys(PAGES).find((page) => within(file, PAGES[page]!));
const importsFile = (dependency: Dependency, prefixes: readonly string[]) => dependency.kind === 'import' && !dependency.isPackage && within(dependency.target, prefixes);
const importsBrowserApi = (dependency: Dependency) =>
  (dependency.kind === 'import' && dependency.isPackage && BROWSER_API_PACKAGE.test(dependency.target)) || dependency.kind === 'api';
const isValueImport = (dependency: Dependency) => dependency.kind === 'import' && !dependency.record.typeOnly;

export const RULES: readonly LayerRule[] = [
  {
    name: 'domain-no-browser',
    rule: `a domain module (lib/${DOMAIN_FOLDERS.join(', lib/')}) never touches a browser API: no wxt/*, webextension-polyfill, browser.* or chrome.*`,
    reason: 'the domain is pure, so the popup, the background, the batch converter and the unit tests run the same code without a browser',
    appliesTo: isDomain,
    forbids: importsBrowserApi,
  },
  {
    name: 'domain-no-io-or-feature',
    rule: 'a domain module never imports lib/storage, lib/messaging, lib/i18n or a feature (lib/background, lib/popup, lib/options, lib/api)',
    reason:
      'the surfaces call the domain, never the reverse: stored data comes in as arguments, and text goes out as message keys and params for the UI to translate (lib/rates/format.ts)',
    appliesTo: isDomain,
    forbids: (dependency) => importsFile(dependency, ['lib/storage/', 'lib/messaging/', 'lib/i18n/', 'lib/background/', 'lib/popup/', 'lib/options/', 'lib/api/']),
  },
  {
    name: 'feature-isolation',
    rule: "a feature (lib/background, lib/popup, lib/options, lib/api, with their entrypoints and components) never imports another feature's internals",
    reason: "features share through lib/messaging's protocol and the domain; a direct import couples two surfaces and drags one's code into the other's bundle",
    appliesTo: (file) => featureOf(file) !== undefined || within(file, ['components/popup/', 'components/options/']),
    forbids: (dependency, file) => {
      if (dependency.kind !== 'import' || dependency.isPackage) return false;
      const own = featureOf(file) ?? pageOf(file);
      const target = featureOf(dependency.target);
      return target !== undefined && target !== own;
    },
    allowed: [
      { from: 'lib/background/', to: 'lib/api/', reason: 'the API clients run in the service worker, and the background is where they are composed' },
      { from: 'entrypoints/background.ts', to: 'lib/api/', reason: 'the background entrypoint composes the API service' },
      ...['lib/popup/', 'lib/options/', 'components/popup/', 'components/options/', 'entrypoints/popup/', 'entrypoints/options/'].map((from) => ({
        from,
        to: 'lib/api/',
        typeOnly: true,
        reason: 'API replies and credential views reach a page as message data; a type import loads no API code, so no signing code or secret reaches a page',
      })),
      ...['lib/options/', 'components/options/'].flatMap((from) =>
        ['lib/api/hosts', 'lib/background/badge/hosts'].map((to) => ({
          from,
          to,
          reason: 'an import-free list of optional host permissions: the options page must request it itself, from the click that turns the feature on',
        })),
      ),
    ],
  },
  {
    name: 'layers-below-features',
    rule: 'lib/storage, lib/messaging and lib/i18n never import a feature (lib/background, lib/popup, lib/options, lib/api)',
    reason: 'features are built on these layers; a layer that imports a feature turns the layering into a cycle',
    appliesTo: (file) => within(file, ['lib/storage/', 'lib/messaging/', 'lib/i18n/']),
    forbids: (dependency) => importsFile(dependency, ['lib/background/', 'lib/popup/', 'lib/options/', 'lib/api/']),
    allowed: [
      {
        from: 'lib/messaging/',
        to: 'lib/background/',
        typeOnly: true,
        reason: 'the protocol map names the reply types the background owns; types only, so no background code reaches a page',
      },
      { from: 'lib/messaging/', to: 'lib/api/', typeOnly: true, reason: 'the protocol map names the reply types the API service owns' },
    ],
  },
  {
    name: 'storage-in-one-place',
    rule: 'only lib/storage calls browser.storage or chrome.storage (or a WXT storage wrapper)',
    reason: 'each stored item is defined once, with its key, schema and version; a read or write elsewhere skips its validation and its migrations',
    appliesTo: (file) => !within(file, ['lib/storage/']),
    forbids: (dependency) =>
      dependency.kind === 'api' ? dependency.use.expression.endsWith('.storage') : dependency.isPackage && STORAGE_PACKAGE.test(dependency.target),
  },
  {
    name: 'components-render',
    rule: 'a component never performs I/O: no browser API, and no value import of lib/storage, lib/messaging, lib/background or lib/api',
    // A type import is erased from the build and performs nothing, so it is allowed here: a
    // component may name the shape of a history entry it renders.
    reason: "components render what their page's model (lib/popup, lib/options) hands them; the model owns the I/O, so both are tested apart",
    appliesTo: (file) => within(file, ['components/']),
    forbids: (dependency) =>
      importsBrowserApi(dependency) || (isValueImport(dependency) && importsFile(dependency, ['lib/storage/', 'lib/messaging/', 'lib/background/', 'lib/api/'])),
  },
  {
    name: 'page-components',
    rule: "the popup's components never import the options page's, nor the reverse; components/shared imports neither, nor lib/popup or lib/options",
    reason: 'a component both pages use lives in components/shared, so each page bundles only its own components (the popup has a startup budget)',
    appliesTo: (file) => pageOf(file) !== undefined,
    forbids: (dependency, file) => {
      const page = pageOf(file);
      if (page === 'shared') return importsFile(dependency, ['components/popup/', 'components/options/', 'lib/popup/', 'lib/options/']);
      return importsFile(dependency, page === 'popup' ? ['components/options/'] : ['components/popup/']);
    },
  },
];

const isAllowed = (rule: LayerRule, file: string, dependency: Dependency) =>
  dependency.kind === 'import' &&
  (rule.allowed ?? []).some((allowance) => within(file, [allowance.from]) && within(dependency.target, [allowance.to]) && (!allowance.typeOnly || dependency.record.typeOnly));

const describeDependency = (dependency: Dependency) =>
  dependency.kind === 'import'
    ? `line ${dependency.record.line} ${dependency.record.typeOnly ? 'imports the types of' : 'imports'} '${dependency.record.specifier}'`
    : `line ${dependency.use.line} uses ${dependency.use.expression}`;

/** Every layering violation in one source file, each as a sentence that names the rule. */
export function checkSource(file: string, source: string): string[] {
  const violations: string[] = [];
  if (/^lib\/[^/]+$/.test(file) && file !== 'lib/index.ts') {
    violations.push(`${file} sits loose at the top of lib/: only lib/index.ts (the public API) lives there; every other file belongs to one layer or feature folder`);
  }
  const { imports, apiUses } = readDependencies(source);
  const dependencies: Dependency[] = [
    ...imports.map((record): Dependency => {
      const resolved = resolveSpecifier(file, record.specifier);
      return { kind: 'import', record, target: resolved.target, isPackage: resolved.kind === 'package' };
    }),
    ...apiUses.map((use): Dependency => ({ kind: 'api', use })),
  ];
  for (const rule of RULES) {
    if (!rule.appliesTo(file)) continue;
    for (const dependency of dependencies) {
      if (rule.forbids(dependency, file) && !isAllowed(rule, file, dependency)) {
        violations.push(`${file} ${describeDependency(dependency)}: ${rule.rule} [${rule.name}: ${rule.reason}]`);
      }
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(?:ts|tsx|mts|js|mjs)$/.test(name) ? [relative] : [];
  });
}

const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles).sort();

describe('the import reader', () => {
  it.each([
    { input: "import { a } from './a';", expected: [{ specifier: './a', typeOnly: false, line: 1 }] },
    { input: "import type { A } from '../a';\nexport type * from './types';", expected: [{ specifier: '../a', typeOnly: true, line: 1 }, { specifier: './types', typeOnly: true, line: 2 }] },
    { input: "import {\n  a,\n  type B,\n} from '@/lib/x';", expected: [{ specifier: '@/lib/x', typeOnly: false, line: 1 }] },
    { input: "import def, * as ns from 'pkg';\nexport * from './all';\nexport { x as y } from './x';", expected: [{ specifier: 'pkg', typeOnly: false, line: 1 }, { specifier: './all', typeOnly: false, line: 2 }, { specifier: './x', typeOnly: false, line: 3 }] },
    { input: "import './styles.css';\nconst lazy = () => import('./Lazy');", expected: [{ specifier: './styles.css', typeOnly: false, line: 1 }, { specifier: './Lazy', typeOnly: false, line: 2 }] },
    { input: "type Api = (typeof import('wxt/browser'))['browser'];", expected: [{ specifier: 'wxt/browser', typeOnly: true, line: 1 }] },
    { input: "// import { a } from './a';\n/* import b from './b'; */\nconst s = \"import c from './c'\";", expected: [] },
    { input: "const re = /['\"]/g;\nimport { d } from './d';", expected: [{ specifier: './d', typeOnly: false, line: 2 }] },
  ])('reads $input', ({ input, expected }) => {
    const actual = readDependencies(input).imports;
    expect(actual).toEqual(expected);
  });

  it.each([
    { input: 'await browser.storage.local.get(null);', expected: ['browser.storage'] },
    { input: 'chrome?.runtime.id; globalThis.browser.tabs;', expected: ['chrome.runtime', 'browser.tabs'] },
    { input: 'const url = `https://chrome.google.com/${browser.runtime.id}`;', expected: ['browser.runtime'] },
    { input: "const a = 'browser.storage'; // chrome.storage\nconst b = model.browser.storage;", expected: [] },
  ])('finds the extension API uses in $input', ({ input, expected }) => {
    const actual = readDependencies(input).apiUses.map((use) => use.expression);
    expect(actual).toEqual(expected);
  });
});

describe('the checker', () => {
  it.each([
    { file: 'lib/rates/planted.ts', source: "import { browser } from 'wxt/browser';", expected: ['domain-no-browser'] },
    { file: 'lib/rules/planted.ts', source: 'export const id = () => chrome.runtime.id;', expected: ['domain-no-browser'] },
    { file: 'lib/url/planted.ts', source: "import type { Settings } from '../storage/settings';", expected: ['domain-no-io-or-feature'] },
    { file: 'lib/insights/planted.ts', source: "import { t } from '@/lib/i18n/index';", expected: ['domain-no-io-or-feature'] },
    { file: 'lib/hotlist/planted.ts', source: 'const all = await browser.storage.local.get(null);', expected: ['domain-no-browser', 'storage-in-one-place'] },
    { file: 'lib/popup/planted.ts', source: "import {\n  createOptionsModel,\n} from '../options/model';", expected: ['feature-isolation'] },
    { file: 'lib/options/planted.ts', source: "import type { RateSource } from '@/lib/background/rate-source';", expected: ['feature-isolation'] },
    { file: 'lib/popup/planted.ts', source: "import { createApiService } from '../api/service';", expected: ['feature-isolation'] },
    { file: 'components/popup/Planted.tsx', source: "import { OptionsModel } from '@/lib/options/model';", expected: ['feature-isolation'] },
    { file: 'lib/background/planted.ts', source: 'await chrome.storage.session.set({ built: true });', expected: ['storage-in-one-place'] },
    { file: 'entrypoints/options/main.tsx', source: "import { storage } from 'wxt/utils/storage';", expected: ['storage-in-one-place'] },
    { file: 'components/options/Planted.tsx', source: "import { createMessenger } from '@/lib/messaging/client';", expected: ['components-render'] },
    { file: 'components/options/Planted.tsx', source: "import { browser } from 'wxt/browser';", expected: ['components-render'] },
    { file: 'components/popup/Planted.tsx', source: "import { type Messenger } from '@/lib/messaging/client';", expected: ['components-render'] },
    { file: 'components/popup/Planted.tsx', source: "import { Field } from '../options/Field';", expected: ['page-components'] },
    { file: 'components/shared/Planted.tsx', source: "import type { PopupModel } from '@/lib/popup/model';", expected: ['page-components'] },
    { file: 'lib/storage/local.ts', source: "import { createMenuRegistry } from '../background/menus';", expected: ['layers-below-features'] },
  ])('catches a planted violation: $file with "$source" breaks $expected', ({ file, source, expected }) => {
    const actual = checkSource(file, source).map((violation) => /\[([\w-]+):/.exec(violation)?.[1]);
    expect(actual).toEqual(expected);
  });

  it.each([
    { file: 'lib/rates/planted.ts', source: "// import { browser } from 'wxt/browser';\nconst store = 'https://chrome.google.com/webstore';" },
    { file: 'lib/rates/planted.ts', source: "/* browser.storage.local.get() */ const help = `see ${'browser'}.storage`;" },
    { file: 'lib/popup/planted.ts', source: "import type { ProductInsightsReply } from '../api/service';" },
    { file: 'lib/options/planted.ts', source: "import { API_HOST_PERMISSIONS } from '../api/hosts';" },
    { file: 'lib/background/planted.ts', source: "import { createApiService } from '@/lib/api/service';" },
    { file: 'lib/messaging/planted.ts', source: "import type { RateSource } from '../background/rate-source';" },
    { file: 'components/options/Planted.tsx', source: "import type { HistoryEntry } from '@/lib/storage/history';" },
    { file: 'lib/storage/planted.ts', source: 'await browser.storage.local.get(null);' },
    { file: 'components/popup/Planted.tsx', source: "export const Link = () => <a href=\"https://x.test/\">x</a>;\nimport { t } from '@/lib/i18n/index';" },
  ])('lets an allowed import pass: $file with "$source"', ({ file, source }) => {
    expect(checkSource(file, source)).toEqual([]);
  });

  it('names the file, the line, the import and the rule in its message', () => {
    const actual = checkSource('lib/insights/planted.ts', "\nimport { CATEGORY_PICKS_KEY } from '../storage/keys';");
    expect(actual).toEqual([
      `lib/insights/planted.ts line 2 imports '../storage/keys': ${RULES[1]!.rule} [domain-no-io-or-feature: ${RULES[1]!.reason}]`,
    ]);
  });

  it('flags a file loose at the top of lib/', () => {
    expect(checkSource('lib/messenger.ts', '')).toEqual([expect.stringContaining('lib/messenger.ts sits loose at the top of lib/')]);
    expect(checkSource('lib/index.ts', "export { parseProductUrl } from './url';")).toEqual([]);
  });
});

describe('layering', () => {
  it('reads the real tree: files in each root, and their imports', () => {
    for (const rootFolder of ['lib/', 'components/', 'entrypoints/']) expect(files.some((file) => file.startsWith(rootFolder))).toBe(true);
    const importCount = files.reduce((sum, file) => sum + readDependencies(readFileSync(path.join(root, file), 'utf8')).imports.length, 0);
    expect(importCount).toBeGreaterThan(files.length);
  });

  it.each(files)('%s', (file) => {
    const actual = checkSource(file, readFileSync(path.join(root, file), 'utf8'));
    expect(actual).toEqual([]);
  });
});
