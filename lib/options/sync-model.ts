/**
 * The options page's settings-sync switch and status: the state the background keeps in
 * `storage.local` (lib/storage/sync.ts), and the switch sent as a message (the background does the
 * sync, lib/background/sync.ts).
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { MessageReply } from '../messaging/protocol';
import type { SyncError, SyncReplacement, SyncState } from '../storage/sync';

export interface SyncModelDeps {
  loadState(): Promise<SyncState | null>;
  setEnabled(enabled: boolean): Promise<MessageReply<'setSyncEnabled'>>;
}

export type SyncNotice = null | { readonly kind: 'unavailable' } | { readonly kind: 'failed' };

export interface SyncModel {
  readonly enabled: ReadonlySignal<boolean>;
  readonly busy: ReadonlySignal<boolean>;
  readonly lastSyncAt: ReadonlySignal<number | null>;
  readonly error: ReadonlySignal<SyncError | null>;
  readonly replaced: ReadonlySignal<readonly SyncReplacement[]>;
  readonly notice: ReadonlySignal<SyncNotice>;
  load(): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
}

export function createSyncModel(deps: SyncModelDeps): SyncModel {
  const state = signal<SyncState | null>(null);
  const busy = signal(false);
  const notice = signal<SyncNotice>(null);
  const load = async () => {
    state.value = await deps.loadState().catch(() => state.value);
  };
  return {
    enabled: computed(() => state.value?.enabled ?? false),
    busy,
    lastSyncAt: computed(() => state.value?.lastSyncAt ?? null),
    error: computed(() => state.value?.lastError ?? null),
    replaced: computed(() => state.value?.replaced ?? []),
    notice,
    load,
    async setEnabled(enabled) {
      busy.value = true;
      notice.value = null;
      try {
        const reply = await deps.setEnabled(enabled);
        if ('unavailable' in reply) notice.value = { kind: 'unavailable' };
      } catch {
        notice.value = { kind: 'failed' };
      } finally {
        busy.value = false;
      }
      await load();
    },
  };
}
