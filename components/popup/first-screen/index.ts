/**
 * The popup's first screen: what it found in the URL, the preset switch and the link with its
 * Copy button. Plain DOM over the model's signals, so it paints before any framework code loads;
 * everything below the link is Preact, rendered into `later` once this is on screen
 * (docs/architecture.md, 'Tab URL to link on screen').
 */
import { t } from '@/lib/i18n/index';
import type { PopupModel } from '@/lib/popup/model';
import { h } from './dom';
import { linkBox, linkError, type LinkBoxOptions } from './link-box';
import { presetChoice } from './preset-choice';
import { stateSummary } from './state-summary';

export interface FirstScreen {
  /** Where the rest of the popup renders. */
  readonly later: HTMLElement;
  /** Beside the Copy button, for the actions on the link that load later. */
  readonly linkActions: HTMLElement;
}

export function mountFirstScreen(root: HTMLElement, model: PopupModel, options: LinkBoxOptions): FirstScreen {
  const later = h('div', { class: 'later' });
  const box = linkBox(model, options);
  root.replaceChildren(
    h(
      'main',
      {},
      h('header', { class: 'bar' }, h('strong', {}, 'Sublink'), h('button', { type: 'button', class: 'link-button', onClick: options.openOptions }, t('popup_openOptions'))),
      stateSummary(model.parsed),
      presetChoice(model) ?? '',
      box.section,
      linkError(model),
      later,
    ),
  );
  if (model.shownLink.value) options.onLinkShown();
  // The Copy button is what the user came for: Enter or Space copies at once.
  box.section.querySelector<HTMLButtonElement>('[data-testid="copy"]')?.focus();
  return { later, linkActions: box.actions };
}
