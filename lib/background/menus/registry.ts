/**
 * Keeps the browser's context menu equal to what the stored presets call for, across
 * install, browser start, preset edits and a service worker stopped at any moment.
 *
 * Menu items outlive the service worker (Chrome keeps them while the extension runs), so the
 * worker does not recreate them on every wake; it only checks a marker kept in
 * `storage.session` (which also outlives the worker, and is cleared with the menus on a
 * browser restart). The marker is cleared before a rebuild starts and set when the last item
 * exists, so a worker stopped halfway leaves "not built" behind and the next wake rebuilds.
 */
import type { MenuItemSpec } from './items';

/** The part of `contextMenus` used here, with `create`'s callback turned into a promise. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(item: MenuItemSpec): Promise<void>;
  update(id: string, item: Omit<MenuItemSpec, 'id'>): Promise<void>;
}

export interface MenuRegistryDeps {
  readonly menus: MenusApi;
  /** The menu the stored presets and settings call for now. */
  loadSpec(): Promise<MenuItemSpec[]>;
  /** What was last built completely, or undefined. */
  readonly built: { read(): Promise<string | undefined>; write(value: string | undefined): Promise<void> };
}

export interface MenuRegistry {
  /** Removes every item and creates the current ones (install, browser start). */
  rebuild(): Promise<void>;
  /** Rebuilds only when the built menu is not the current one (wake, storage change). */
  ensure(): Promise<void>;
}

// Chrome: "Cannot create item with duplicate id copy:link"; Firefox: "ID already exists: copy:link".
const DUPLICATE_ID = /duplicate id|already exists/i;

export function createMenuRegistry(deps: MenuRegistryDeps): MenuRegistry {
  // install, startup, wake and storage events can arrive together: one build at a time, or two
  // interleaved removeAll/create runs would collide on ids or leave a half menu.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const createOrUpdate = async ({ id, ...rest }: MenuItemSpec): Promise<void> => {
    try {
      await deps.menus.create({ id, ...rest });
    } catch (error) {
      // Another worker instance (or a restored menu) got there first: make it current instead.
      if (!(error instanceof Error && DUPLICATE_ID.test(error.message))) throw error;
      await deps.menus.update(id, rest);
    }
  };

  const build = async (spec: readonly MenuItemSpec[]): Promise<void> => {
    await deps.built.write(undefined);
    await deps.menus.removeAll();
    // Issued in order, awaited together: parents precede their children in `spec`, and both
    // browsers run one extension's API calls in the order they were made.
    await Promise.all(spec.map(createOrUpdate));
    await deps.built.write(JSON.stringify(spec));
  };

  return {
    rebuild: () => serial(async () => build(await deps.loadSpec())),
    ensure: () =>
      serial(async () => {
        const spec = await deps.loadSpec();
        if ((await deps.built.read()) !== JSON.stringify(spec)) await build(spec);
      }),
  };
}
