import { effect, type ReadonlySignal } from '@preact/signals-core';
import { t } from '@/lib/i18n/index';
import { describeParsedUrl, siteLabel } from '@/lib/i18n/text';
import type { ParsedUrl } from '@/lib/url/types';
import { h } from './dom';

/** What the popup found in the URL: a product, or what kind of page and what can still be done. */
export function stateSummary(parsed: ReadonlySignal<ParsedUrl | null>): HTMLElement {
  const section = h('section', { class: 'state', 'data-testid': 'state' });
  effect(() => {
    const current = parsed.value;
    section.dataset.kind = current?.kind ?? 'no-url';
    section.replaceChildren(...summaryOf(current));
  });
  return section;
}

function summaryOf(parsed: ParsedUrl | null): Node[] {
  if (!parsed) return [h('h1', {}, t('state_noUrl')), h('p', { class: 'note' }, t('state_noUrlNote'))];
  const text = describeParsedUrl(parsed);
  const located = parsed.kind === 'product' || parsed.kind === 'store' || parsed.kind === 'page' ? parsed : null;
  const site = located ? (located.kind === 'product' ? located.product.site : located.site) : null;
  const heading =
    parsed.kind === 'product' ? h('h1', {}, t('popup_product', ''), h('span', { 'data-testid': 'product-id' }, parsed.product.id)) : h('h1', {}, text.title);
  return [
    h('div', { class: 'state-head' }, heading, site && h('p', { class: 'site', 'data-testid': 'product-site' }, t('popup_site', siteLabel(site)))),
    text.note && h('p', { class: 'note' }, text.note),
    located?.unwrappedFrom && h('p', { class: 'note' }, t('state_unwrapped', located.unwrappedFrom)),
  ].filter((node) => node instanceof HTMLElement);
}
