/**
 * The extension APIs the background uses that WXT's fake browser does not implement
 * (contextMenus, commands, action, permissions), as small in-memory stand-ins installed on
 * `fakeBrowser`. Install them before `background.main()`: the background's adapters take the
 * APIs when it is built.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MenuItemSpec, MenusApi } from '@/lib/background/menus';

type Listener = (...args: never[]) => unknown;

/** An event like the fake browser's own: `trigger` resolves when every listener's work has. */
export function fakeEvent<L extends Listener>() {
  const listeners: L[] = [];
  return {
    addListener: (listener: L) => void listeners.push(listener),
    removeListener: (listener: L) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: L) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: Parameters<L>) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

/** An in-memory contextMenus with Chrome's duplicate-id behaviour (the fake browser has none). */
export function fakeMenus() {
  const items = new Map<string, MenuItemSpec>();
  const calls: string[] = [];
  const api: MenusApi = {
    removeAll: async () => {
      calls.push('removeAll');
      items.clear();
    },
    create: async (item) => {
      calls.push(`create ${item.id}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (items.has(item.id)) throw new Error(`Cannot create item with duplicate id ${item.id}`);
      if (item.parentId && !items.has(item.parentId)) throw new Error(`Cannot find menu item with id ${item.parentId}`);
      items.set(item.id, item);
    },
    update: async (id, item) => {
      calls.push(`update ${id}`);
      items.set(id, { id, ...item });
    },
  };
  return { api, items, calls };
}

export type FakeMenus = ReturnType<typeof fakeMenus>;

/** `browser.contextMenus` over `menus`, with the real callback-and-`runtime.lastError` shape of `create`. */
function installContextMenus(menus: FakeMenus) {
  let lastError: { message: string } | undefined;
  Object.defineProperty(fakeBrowser.runtime, 'lastError', { configurable: true, get: () => lastError });
  const onClicked = fakeEvent<(info: { menuItemId: string | number; linkUrl?: string; pageUrl?: string; selectionText?: string }, tab?: { id?: number; url?: string }) => unknown>();
  Object.assign(fakeBrowser, {
    contextMenus: {
      onClicked,
      removeAll: () => menus.api.removeAll(),
      update: (id: string, item: Omit<MenuItemSpec, 'id'>) => menus.api.update(id, item),
      create: (item: MenuItemSpec, callback: () => void) => {
        menus.api.create(item).then(
          () => callback(),
          (error: Error) => {
            lastError = { message: error.message };
            callback();
            lastError = undefined;
          },
        );
        return item.id;
      },
    },
  });
  return onClicked;
}

/** The toolbar icon's badge text and title, per tab (undefined: every tab without its own). */
function installAction() {
  const badge = new Map<number | undefined, { text?: string; title?: string; color?: string }>();
  const set = (tabId: number | undefined, value: { text?: string; title?: string; color?: string }) => badge.set(tabId, { ...badge.get(tabId), ...value });
  Object.assign(fakeBrowser, {
    action: {
      ...fakeBrowser.action,
      setBadgeText: async ({ tabId, text }: { tabId?: number; text: string }) => void set(tabId, { text }),
      setBadgeBackgroundColor: async ({ tabId, color }: { tabId?: number; color: string }) => void set(tabId, { color }),
      setTitle: async ({ tabId, title }: { tabId?: number; title: string }) => void set(tabId, { title }),
      getTitle: async () => 'Sublink',
    },
  });
  return badge;
}

/**
 * Installs every stand-in and returns what tests drive and read. Optional host access is never
 * granted here, so the opt-in badge and the APIs stay off unless a test grants it.
 */
export function installFakeExtensionApis() {
  const menus = fakeMenus();
  const menuClicked = installContextMenus(menus);
  const command = fakeEvent<(command: string, tab?: { id?: number; url?: string }) => unknown>();
  Object.assign(fakeBrowser, { commands: { onCommand: command } });
  const permissionsAdded = fakeEvent<(permissions: { origins?: string[] }) => unknown>();
  const permissionsRemoved = fakeEvent<(permissions: { origins?: string[] }) => unknown>();
  Object.assign(fakeBrowser, {
    permissions: {
      contains: vi.fn(async () => false),
      request: vi.fn(async () => false),
      remove: vi.fn(async () => true),
      onAdded: permissionsAdded,
      onRemoved: permissionsRemoved,
    },
  });
  const badge = installAction();
  return { menus, menuClicked, command, permissionsAdded, permissionsRemoved, badge };
}
