import { effect } from '@preact/signals-core';
import { t } from '@/lib/i18n/index';
import { cleanLinkLabel, deeplinkErrorText } from '@/lib/i18n/text';
import type { ApiLinkProblem, PopupModel, ShownLink } from '@/lib/popup/model';
import type { ParsedUrl } from '@/lib/url/types';
import { h } from './dom';

type LinkModel = Pick<PopupModel, 'parsed' | 'shownLink' | 'copyState' | 'copy' | 'link' | 'apiLinkPending' | 'apiLinkProblem'>;

export interface LinkBoxOptions {
  readonly openOptions: () => void;
  /** Called each time a link is on screen, in the document (the bench's time-to-link mark). */
  readonly onLinkShown: () => void;
}

export interface LinkBox {
  readonly section: HTMLElement;
  /** Beside the Copy button: where the part loaded later puts its actions on the link (QR code, post). */
  readonly actions: HTMLElement;
}

/** What the link box is called: which kind of link it holds, and for which kind of page. */
export function linkLabel(shown: ShownLink, parsed: ParsedUrl | null): string {
  if (shown.from === 'api') return t(shown.hot ? 'popup_apiLinkHot' : 'popup_apiLink');
  return shown.from === 'local' ? t('popup_deeplink') : cleanLinkLabel(parsed);
}

/**
 * The finished link and the one button the user came for. A Portals preset has no link until the
 * API gives one: then the box says it is asking, or why none came, and offers no copy.
 */
export function linkBox(model: LinkModel, options: LinkBoxOptions): LinkBox {
  const heading = h('h2', { id: 'link-heading' });
  const link = h('p', { class: 'link', 'data-testid': 'deeplink' });
  const copy = h('button', { type: 'button', class: 'primary', 'data-testid': 'copy', onClick: () => void model.copy() }, t('popup_copy'));
  const status = h('span', { role: 'status', class: 'status' });
  const actions = h('span', { class: 'link-actions' });
  const row = h('div', { class: 'copy-row' }, copy, actions, status);
  const pending = h('p', { class: 'note', role: 'status', 'data-testid': 'api-link-pending' }, t('popup_apiLinkPending'));
  const problem = h('p', { class: 'error', role: 'alert', 'data-testid': 'api-link-problem' });
  const section = h('section', { class: 'link-box', 'aria-labelledby': 'link-heading' });

  effect(() => {
    const shown = model.shownLink.value;
    const waiting = model.apiLinkPending.value;
    const why = model.apiLinkProblem.value;
    section.hidden = !shown && !waiting && !why;
    // Only what applies is in the DOM: no link, no Copy button while there is nothing to copy.
    section.replaceChildren(heading, ...(shown ? [link, row] : []), ...(waiting ? [pending] : []), ...(why ? [problem] : []));
    heading.textContent = shown ? linkLabel(shown, model.parsed.value) : t('popup_apiLink');
    if (why) problem.replaceChildren(...problemText(why, options.openOptions));
    if (shown && link.textContent !== shown.url) {
      link.textContent = shown.url;
      // On screen only once attached: the first time, mountFirstScreen reports it after attaching.
      if (section.isConnected) options.onLinkShown();
    }
  });
  effect(() => {
    const state = model.copyState.value;
    const linkCopied = state.kind === 'copied' && !state.as;
    copy.dataset.copied = String(linkCopied);
    copy.textContent = t(linkCopied ? 'popup_copied' : 'popup_copy');
    status.textContent = state.kind === 'failed' ? t('popup_copyFailed', state.message) : '';
  });
  return { section, actions };
}

function problemText(problem: ApiLinkProblem, openOptions: () => void): (Node | string)[] {
  switch (problem.kind) {
    case 'no-credentials':
    case 'no-access': {
      const button = h('button', { type: 'button', class: 'link-button', onClick: openOptions }, t('popup_openOptions'));
      return [t(problem.kind === 'no-credentials' ? 'popup_apiLinkNoCredentials' : 'popup_apiLinkNoAccess'), ' ', button];
    }
    case 'no-link':
      return [t('popup_apiLinkNone')];
    case 'api-error':
      return [t('popup_apiLinkError')];
  }
}

/** Why the preset cannot build a link (URL problems are explained by the state summary instead). */
export function linkError(model: Pick<LinkModel, 'link'>): HTMLElement {
  const paragraph = h('p', { class: 'error', role: 'alert' });
  effect(() => {
    const result = model.link.value;
    const code = result && !result.ok && (result.code === 'invalid-account' || result.code === 'invalid-subids') ? result.code : null;
    paragraph.hidden = code === null;
    paragraph.textContent = code ? deeplinkErrorText(code) : '';
  });
  return paragraph;
}
