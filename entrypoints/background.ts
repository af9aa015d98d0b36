import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandlers } from '@/lib/background';
import { createMessageRouter } from '@/lib/messaging';
import { loadHistory, saveHistory } from '@/lib/history';
import { loadState, saveSettings } from '@/lib/storage';

// Listeners are added synchronously in main(): an MV3 worker woken by an event only sees the
// listeners registered in its first turn.
export default defineBackground(() => {
  const handlers = createMessageHandlers({
    loadPresets: async () => (await loadState()).presets,
    loadSettings: async () => (await loadState()).settings,
    saveSettings,
    loadHistory: async () => (await loadHistory()).entries,
    saveHistory,
    now: Date.now,
  });
  browser.runtime.onMessage.addListener(
    createMessageRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }),
  );
});
