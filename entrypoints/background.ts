// First: zod reads this when its schemas are defined (lib/schema/zod-jitless.ts).
import '@/lib/schema/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/lib/background';
import { watchStorage } from '@/lib/storage/area';

// main() is not async and adds every listener before anything is awaited: an MV3 worker woken by
// an event only sees the listeners registered in its first turn
// (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
// Nothing lives only in memory: presets, settings, history and the built-menu marker are in storage.
export default defineBackground(() => {
  const background = createBackground(browser);

  browser.contextMenus.onClicked.addListener(background.copyFromMenu);
  browser.commands.onCommand.addListener(background.copyFromShortcut);
  browser.runtime.onMessage.addListener(background.answerMessage);
  browser.runtime.onInstalled.addListener(background.upgradeStorageOnUpdate);
  browser.runtime.onConnect.addListener(background.answerPort);
  browser.runtime.onInstalled.addListener(background.openSetupOnInstall);
  browser.alarms.onAlarm.addListener(background.refreshRatesOnAlarm);
  browser.alarms.onAlarm.addListener(background.recheckLinksOnAlarm);
  browser.runtime.onInstalled.addListener(background.rebuildOnStart);
  browser.runtime.onStartup.addListener(background.rebuildOnStart);
  watchStorage(background.followStorageChange, browser);
  browser.tabs.onUpdated.addListener(background.updateBadgeOnTabChange);
  browser.permissions.onAdded.addListener(background.updateBadgeOnPermissionChange);
  browser.permissions.onRemoved.addListener(background.updateBadgeOnPermissionChange);
  browser.permissions.onRemoved.addListener(background.stopRatesOnAccessRemoved);

  void background.finishMenuBuild();
  void background.compactHistory();
  void background.resumeLinkHealth();
  void background.scheduleWeeklyRecheck();
  void background.reconcileSync();
});
