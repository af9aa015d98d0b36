/** lib/background/menus' browser side: `contextMenus` (Firefox also calls it `menus`) and the built-menu marker. */
import { browser } from 'wxt/browser';
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

const BUILT_KEY = 'menusBuilt';

/**
 * In `storage.session`: kept while the browser runs, across stopped workers. A browser without
 * it gets a variable instead, which is as good there: only a persistent background page (Firefox
 * MV2) can lack `storage.session`, and its memory lives exactly as long as its menus.
 */
export function createBuiltMenuMarker(): MenuRegistryDeps['built'] {
  const session = browser.storage.session as typeof browser.storage.session | undefined;
  if (!session) {
    let value: string | undefined;
    return { read: async () => value, write: async (next) => void (value = next) };
  }
  return {
    async read() {
      const value = (await session.get(BUILT_KEY))[BUILT_KEY];
      return typeof value === 'string' ? value : undefined;
    },
    write: (value) => (value === undefined ? session.remove(BUILT_KEY) : session.set({ [BUILT_KEY]: value })),
  };
}
