/** lib/background/menus' browser side: `contextMenus` (Firefox also calls it `menus`) and the built-menu marker. */
import { browser } from 'wxt/browser';
import { sessionArea } from '../../storage/area';
import { createMenusBuiltMarker } from '../../storage/session';
import type { MenuRegistryDeps, MenusApi } from './registry';

/** One code path for both browsers: the polyfilled `contextMenus`, which Firefox also provides. */
export function browserMenusApi(): MenusApi {
  const api = browser.contextMenus;
  return {
    removeAll: () => api.removeAll(),
    // `create` reports errors (such as a duplicate id) only through runtime.lastError in its callback.
    create: (item) =>
      new Promise((resolve, reject) => {
        api.create(item, () => {
          const error = browser.runtime.lastError;
          if (error) reject(new Error(error.message ?? 'contextMenus.create failed'));
          else resolve();
        });
      }),
    update: (id, item) => api.update(id, item),
  };
}

/** In `storage.session` (lib/storage/session.ts): kept while the browser runs, across stopped workers. */
export const createBuiltMenuMarker = (): MenuRegistryDeps['built'] => createMenusBuiltMarker(sessionArea());
