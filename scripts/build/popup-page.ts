/**
 * Build steps for the toolbar popup's startup time (docs/architecture.md, 'Budgets'), used by
 * wxt.config.ts. Measured with a Chromium trace of the built popup on these machines:
 *
 * - A popup module script waits for every stylesheet linked before it: the `<link>` to the CSS was
 *   the last resource to arrive, and the script ran ~10 ms after the JS itself was in. Inlined as a
 *   `<style>`, the CSS costs no fetch (extension pages' CSP restricts scripts, not styles).
 * - Built together with the options page, the popup's startup code was split across shared chunks
 *   (a second, dependent fetch) and an empty virtual chunk. Built on its own, everything the first
 *   screen needs is one file; what it loads on use (estimate, polyfill) stays in separate chunks.
 */
import type { Plugin } from 'vite';

/** The minimum of WXT's entrypoint shape these steps read. */
interface EntrypointLike {
  readonly type: string;
}
type EntrypointGroup<E extends EntrypointLike> = E | E[];

/**
 * For WXT's `entrypoints:grouped` hook: moves the popup out of the group of HTML pages into a
 * group of its own, so Rollup bundles it alone. Returns whether it moved anything.
 */
export function buildPopupAlone<E extends EntrypointLike>(groups: EntrypointGroup<E>[]): boolean {
  for (const group of groups) {
    if (!Array.isArray(group) || group.length < 2) continue;
    const index = group.findIndex((entry) => entry.type === 'popup');
    if (index < 0) continue;
    const [popup] = group.splice(index, 1);
    groups.push([popup!]);
    return true;
  }
  return false;
}

/** True for the build group that holds only the popup (see buildPopupAlone). */
export const isPopupAloneGroup = (entrypoints: readonly EntrypointLike[]): boolean =>
  entrypoints.length === 1 && entrypoints[0]!.type === 'popup';

const STYLESHEET_LINK = /<link\b[^>]*>/gi;
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`, 'i').exec(tag)?.[2];

/**
 * Replaces each `<link rel="stylesheet" href="...">` whose file `readAsset` knows with a `<style>`
 * holding its text. Returns the new HTML and the files it inlined; links to unknown files stay.
 */
export function inlineStylesheetLinks(html: string, readAsset: (path: string) => string | undefined): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const result = html.replace(STYLESHEET_LINK, (tag) => {
    if (attribute(tag, 'rel')?.toLowerCase() !== 'stylesheet') return tag;
    const href = attribute(tag, 'href');
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return tag;
    const path = href.replace(/^\.?\//, '').split(/[?#]/)[0]!;
    const css = readAsset(path);
    // `</style` inside the CSS would end the element early; such a file keeps its link.
    if (css === undefined || /<\/style/i.test(css)) return tag;
    inlined.push(path);
    return `<style>${css}</style>`;
  });
  return { html: result, inlined };
}

/**
 * Vite plugin: inlines the bundle's own stylesheets into its HTML pages, then drops the CSS
 * files no page links any more and no chunk lists as a dependency.
 */
export function inlineStylesheets(): Plugin {
  return {
    name: 'sublink:inline-stylesheets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const cssText = (path: string) => {
        const asset = bundle[path];
        if (asset?.type !== 'asset') return undefined;
        return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
      };
      const inlined = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html') || typeof file.source !== 'string') continue;
        const result = inlineStylesheetLinks(file.source, cssText);
        file.source = result.html;
        for (const path of result.inlined) inlined.add(path);
      }
      // Kept when something still loads the file: a lazy chunk's own CSS (Vite adds a <link> for it
      // on import), a chunk naming the path, or a page whose link could not be inlined.
      const stillNeeded = (path: string) =>
        Object.values(bundle).some((file) =>
          file.type === 'chunk'
            ? (!file.isEntry && file.viteMetadata?.importedCss.has(path)) || file.code.includes(path)
            : file.fileName.endsWith('.html') && typeof file.source === 'string' && file.source.includes(path),
        );
      for (const path of inlined) if (!stillNeeded(path)) delete bundle[path];
    },
  };
}
