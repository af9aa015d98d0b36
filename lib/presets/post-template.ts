/**
 * Ready-to-post text: a preset's template (`{title} — {price}\n{link}`) filled with what is known
 * about one product, plus a disclosure line. Pure: the words that depend on the UI language (the
 * "hot" label, the disclosure) and the language for numbers come in as arguments, so the popup,
 * the context menu and the shortcut render the same post.
 *
 * A fact that is not known leaves no trace: a line whose placeholders are all empty is dropped,
 * and an empty placeholder takes one separator next to it with it (no "— 12 €" without a title).
 */
import { DEFAULT_POST_TEMPLATE, POST_TEMPLATE_MAX, type PostTemplate } from './post-default';

export { DEFAULT_POST_TEMPLATE, POST_TEMPLATE_MAX, type PostTemplate };

/** The placeholders a template may use, in the order the preset form lists them. */
export const POST_PLACEHOLDERS = ['title', 'link', 'rate', 'hot', 'price'] as const;
export type PostPlaceholder = (typeof POST_PLACEHOLDERS)[number];

/** The preset's template, or the default for a preset that has none. */
export const postTemplateOf = (preset: { readonly post?: PostTemplate }): PostTemplate => preset.post ?? DEFAULT_POST_TEMPLATE;

export interface PostMoney {
  readonly amount: number;
  /** ISO 4217, as the AliExpress API returns it. */
  readonly currency: string;
}

/** What is known about the product when the post is made; only `link` is required. */
export interface PostFacts {
  readonly link: string;
  readonly title?: string | null;
  /** The commission rate in percent (7 for 7%). */
  readonly ratePercent?: number | null;
  readonly hot?: boolean | null;
  readonly price?: PostMoney | null;
}

/** Language-dependent parts, supplied by the caller from the message catalogs. */
export interface PostWords {
  /** BCP 47 language for numbers and prices (`en`, `ru`). */
  readonly language: string;
  /** Shown for `{hot}` when the product is a hot-sale item. */
  readonly hot: string;
  /** The disclosure line. */
  readonly disclosure: string;
}

export type PostTemplateProblem =
  | { readonly code: 'unknown-placeholder'; readonly name: string }
  | { readonly code: 'no-link' }
  | { readonly code: 'too-long'; readonly max: number };

export type PostResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problems: readonly PostTemplateProblem[] };

// `{word}`: anything else in braces ("{}", "{ a b }", JSON) is text, not a placeholder.
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
// One separator between two parts of a line, with the spaces around it.
const SEPARATOR = '[—–\\-|·•/:,]';
const TRAILING_SEPARATOR = new RegExp(`\\s*${SEPARATOR}\\s*$`);
const LEADING_SEPARATOR = new RegExp(`^\\s*${SEPARATOR}\\s*`);

const isPlaceholder = (name: string): name is PostPlaceholder => (POST_PLACEHOLDERS as readonly string[]).includes(name);

/** What is wrong with a template, each unknown placeholder once, in the order they appear. */
export function postTemplateProblems(text: string): PostTemplateProblem[] {
  const problems: PostTemplateProblem[] = [];
  const unknown = new Set<string>();
  let hasLink = false;
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (name === 'link') hasLink = true;
    else if (!isPlaceholder(name!) && !unknown.has(name!)) {
      unknown.add(name!);
      problems.push({ code: 'unknown-placeholder', name: name! });
    }
  }
  // A post without its link earns nothing: refuse it rather than copy text alone.
  if (!hasLink) problems.push({ code: 'no-link' });
  if (text.length > POST_TEMPLATE_MAX) problems.push({ code: 'too-long', max: POST_TEMPLATE_MAX });
  return problems;
}

const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

function placeholderValues(facts: PostFacts, words: PostWords): Record<PostPlaceholder, string> {
  const title = facts.title ? oneLine(facts.title) : '';
  const rate =
    typeof facts.ratePercent === 'number' && Number.isFinite(facts.ratePercent)
      ? new Intl.NumberFormat(words.language, { style: 'percent', maximumFractionDigits: 1 }).format(facts.ratePercent / 100)
      : '';
  let price = '';
  if (facts.price && Number.isFinite(facts.price.amount)) {
    try {
      price = new Intl.NumberFormat(words.language, { style: 'currency', currency: facts.price.currency }).format(facts.price.amount);
    } catch {
      // A currency code Intl does not know: the amount and the code as the API gave them.
      price = `${facts.price.amount} ${oneLine(facts.price.currency)}`;
    }
  }
  return { title, link: facts.link, rate, hot: facts.hot ? words.hot : '', price };
}

/** One line filled in, or null when it had placeholders and all of them were empty. */
function renderLine(line: string, values: Record<PostPlaceholder, string>): string | null {
  let out = '';
  let placeholders = 0;
  let filled = 0;
  // An empty placeholder with no separator before it takes the next one after it.
  let dropNextSeparator = false;
  let at = 0;
  const appendText = (text: string) => {
    let rest = text;
    if (dropNextSeparator && rest.trim() !== '') {
      rest = rest.replace(LEADING_SEPARATOR, ' ');
      dropNextSeparator = false;
    }
    out += rest;
  };
  for (const match of line.matchAll(PLACEHOLDER)) {
    appendText(line.slice(at, match.index));
    at = match.index + match[0].length;
    placeholders += 1;
    const value = values[match[1] as PostPlaceholder];
    if (value !== '') {
      filled += 1;
      dropNextSeparator = false;
      out += value;
    } else if (TRAILING_SEPARATOR.test(out)) {
      out = out.replace(TRAILING_SEPARATOR, ' ');
    } else {
      dropNextSeparator = true;
    }
  }
  appendText(line.slice(at));
  if (placeholders > 0 && filled === 0) return null;
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * The post for one link, or the template's problems (an unknown placeholder, no `{link}`): never a
 * post with a placeholder left in it.
 */
export function renderPost(template: PostTemplate, facts: PostFacts, words: PostWords): PostResult {
  const problems = postTemplateProblems(template.text);
  if (problems.length > 0) return { ok: false, problems };
  const values = placeholderValues(facts, words);
  const lines = template.text
    .split(/\r?\n/)
    .map((line) => renderLine(line, values))
    .filter((line): line is string => line !== null);
  if (template.disclosure && words.disclosure.trim() !== '') lines.push(oneLine(words.disclosure));
  // Blank lines the user put between parts stay; those left at either end by dropped lines go.
  const text = lines.join('\n').replace(/^\n+|\n+$/g, '').replace(/\n{3,}/g, '\n\n');
  return { ok: true, text };
}
