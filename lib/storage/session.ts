/** Items in `storage.session`: kept while the browser runs, across stopped workers. */
import type { StorageArea } from './area';
import { storedEntries, storedValueOf } from './item';
import { menusBuiltItem } from './items';

export interface MenusBuiltMarker {
  read(): Promise<string | undefined>;
  write(value: string | undefined): Promise<void>;
}

/**
 * The menu the background built last (lib/background/menus/registry.ts). Without a session area
 * a variable serves instead, which is as good there: only a persistent background page (Firefox
 * MV2) can lack `storage.session`, and its memory lives exactly as long as its menus.
 */
export function createMenusBuiltMarker(area: StorageArea | undefined): MenusBuiltMarker {
  if (!area) {
    let value: string | undefined;
    return { read: async () => value, write: async (next) => void (value = next) };
  }
  return {
    async read() {
      const value = storedValueOf(menusBuiltItem, await area.get(menusBuiltItem.readKeys));
      return typeof value === 'string' ? value : undefined;
    },
    write: (value) => (value === undefined ? area.remove(menusBuiltItem.readKeys) : area.set(storedEntries(menusBuiltItem, value))),
  };
}
