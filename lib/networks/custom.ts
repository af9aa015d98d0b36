import { isPlainHostname } from './hostname';
import { codePointLabel, GENERIC_SUBID_LIMITS, validateSubIdsWithin } from './subids';
import { SUBID_KEYS, type AccountOf, type FieldIssue, type LinkTarget, type Network, type SubIds } from './types';

export type CustomAccount = AccountOf<'custom'>;

/** What a custom template may contain between braces. */
export const TEMPLATE_PLACEHOLDERS = ['url', 'url_encoded', 'product_id', ...SUBID_KEYS] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Longer than any real network's link base; keeps a pasted page of text out of storage. */
export const TEMPLATE_MAX = 2048;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function isKnownPlaceholder(name: string): name is TemplatePlaceholder {
  return KNOWN.has(name);
}

/**
 * Checks a template on save, so that building a link later cannot fail:
 * it must be an absolute https URL whose host is written out (no placeholder, credentials or
 * IP address there: the link must go to the network the user meant), it must put the
 * product URL somewhere (`{url}` or `{url_encoded}`), and every `{…}` must be a known
 * placeholder. All problems are reported at once so the form can show them together.
 */
export function validateTemplate(template: string): FieldIssue[] {
  const field = 'template';
  if (template.trim() === '') return [{ field, code: 'required' }];

  const issues: FieldIssue[] = [];
  if (template.length > TEMPLATE_MAX) issues.push({ field, code: 'tooLong', max: TEMPLATE_MAX });

  const whitespace = /\s/.exec(template);
  if (whitespace) issues.push({ field, code: 'badTemplate', detail: whitespace[0] === ' ' ? ' ' : codePointLabel(whitespace[0]) });

  const names = Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? '');
  for (const name of new Set(names)) {
    if (!isKnownPlaceholder(name)) issues.push({ field, code: 'unknownPlaceholder', detail: `{${name}}` });
  }
  const strayBrace = /[{}]/.exec(template.replace(PLACEHOLDER, ''));
  if (strayBrace) issues.push({ field, code: 'badTemplate', detail: strayBrace[0] });
  if (!names.includes('url') && !names.includes('url_encoded')) issues.push({ field, code: 'missingUrlPlaceholder' });

  issues.push(...validateTemplateOrigin(template));
  return issues;
}

/**
 * The host a link goes to must be the template's literal host. Checking what `new URL` makes of
 * the template is not enough on its own: the WHATWG URL parser skips any number of `/` and `\`
 * after `https:` (https://url.spec.whatwg.org/#special-authority-ignore-slashes-state), so in
 * `https:///{subid}.c{subid1}/` the "host" would be whatever the sub-ids spell. So the template
 * must read exactly `https://<host>` followed by `/`, `?`, `#` or nothing, the host written out with
 * no placeholder, credentials or port, and every way of filling the placeholders must give
 * that same host.
 */
const LITERAL_ORIGIN = /^https:\/\/([^/?#\\]*)(?=[/?#]|$)/i;
/** Values that try to move the host if any placeholder could reach it. */
const HOSTILE_FILLS = ['x', 'attacker.example/', '@attacker.example', '\\attacker.example', '..', '%2F%2Fattacker.example'];

/**
 * The host a valid template's links go to: its literal host, lower case, without the port. Null
 * when the template has no literal host (validateTemplate refuses it then).
 */
export function templateHost(template: string): string | null {
  const authority = LITERAL_ORIGIN.exec(template)?.[1] ?? '';
  const host = /^([^:{}@\\]+)(?::\d{1,5})?$/.exec(authority)?.[1];
  return host ? host.toLowerCase() : null;
}

function validateTemplateOrigin(template: string): FieldIssue[] {
  const field = 'template';
  const scheme = SCHEME.exec(template);
  if (!scheme) return [{ field, code: 'badTemplate' }];
  if (scheme[1]?.toLowerCase() !== 'https') return [{ field, code: 'notHttps' }];

  const origin = LITERAL_ORIGIN.exec(template);
  const authority = origin?.[1] ?? '';
  if (!origin || authority === '') return [{ field, code: 'badTemplate' }];
  if (/[{}@\\]/.test(authority)) return [{ field, code: 'badTemplate', detail: authority }];
  // A literal port is the network's business; anything else after a colon is not a host.
  const [, literalHost = '', port] = /^([^:]*)(?::(\d{1,5}))?$/.exec(authority) ?? [];
  if (port === undefined && authority.includes(':')) return [{ field, code: 'badTemplate', detail: authority }];
  if (!isPlainHostname(literalHost)) return [{ field, code: 'badHost', detail: literalHost }];

  const host = literalHost.toLowerCase();
  for (const fill of HOSTILE_FILLS) {
    let filledHost: string;
    try {
      filledHost = new URL(template.replace(PLACEHOLDER, fill)).hostname;
    } catch {
      return [{ field, code: 'badTemplate' }];
    }
    if (filledHost !== host) return [{ field, code: 'badTemplate', detail: authority }];
  }
  return [];
}

/**
 * Where a placeholder lands decides how its value is written:
 * - in the query or fragment, every value is percent-encoded: a raw `{url}` there would let
 *   the product URL's own `?`, `&` or `#` cut the network's parameter short;
 * - in the path, `{url}` stays raw, for redirectors that take the rest of the path as the
 *   target (`https://go.example/r/{url}`); `{url_encoded}`, `{product_id}` and the sub-ids are
 *   encoded wherever they are.
 * Unset sub-ids and a missing product id become empty strings.
 */
function substitute(template: string, target: LinkTarget, subIds: SubIds): string {
  const queryAt = template.indexOf('?');
  const fragmentAt = template.indexOf('#');
  const pathEnd = Math.min(queryAt < 0 ? Infinity : queryAt, fragmentAt < 0 ? Infinity : fragmentAt);

  return template.replace(PLACEHOLDER, (match: string, name: string, offset: number) => {
    if (!isKnownPlaceholder(name)) return match;
    switch (name) {
      case 'url':
        return offset < pathEnd ? target.url : encodeURIComponent(target.url);
      case 'url_encoded':
        return encodeURIComponent(target.url);
      case 'product_id':
        return encodeURIComponent(target.product?.id ?? '');
      default:
        return encodeURIComponent(subIds[name] ?? '');
    }
  });
}

export const customNetwork: Network<CustomAccount> = {
  id: 'custom',

  validateAccount(account: CustomAccount): FieldIssue[] {
    return validateTemplate(account.template);
  },

  validateSubIds(subIds: SubIds): FieldIssue[] {
    return validateSubIdsWithin(subIds, GENERIC_SUBID_LIMITS);
  },

  wrap(target: LinkTarget, account: CustomAccount, subIds: SubIds): string {
    return substitute(account.template, target, subIds);
  },
};
