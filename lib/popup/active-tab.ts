/**
 * The active tab's title, for the lazily loaded estimate: the category is guessed from it. Read
 * after the link is on screen, through the extension API the estimate loads anyway (activeTab
 * grants the title with the URL), so the popup's startup path stays as small as it was.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ShipToApi } from './ship-to';

export interface ActiveTabApi {
  tabs: { query(filter: { active: true; currentWindow: true }): Promise<readonly { title?: string }[]> };
}

/** What the popup's lazily loaded part may call: the ship-to reader's APIs and the active tab. */
export type PopupExtensionApi = ShipToApi & ActiveTabApi;

/** A signal holding the active tab's title once read; undefined until then or when unavailable. */
export function readActiveTabTitle(api: () => Promise<ActiveTabApi>): ReadonlySignal<string | undefined> {
  const title = signal<string | undefined>(undefined);
  void api()
    .then((browser) => browser.tabs.query({ active: true, currentWindow: true }))
    .then((tabs) => {
      title.value = tabs[0]?.title;
    })
    .catch(() => undefined);
  return title;
}
