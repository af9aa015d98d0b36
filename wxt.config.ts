import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { API_DATA_COLLECTION, API_HOST_PERMISSIONS } from './lib/api/hosts';
import { BADGE_HOST_PERMISSIONS } from './lib/background/badge/hosts';
import { buildPopupAlone, inlineStylesheets, isPopupAloneGroup } from './scripts/build/popup-page';
import { zodWithoutEval } from './scripts/build/zod-without-eval';

/**
 * The badge's AliExpress hosts (also the ship-to cookie's), the two API hosts (asked for when
 * the user saves API credentials), and any https origin for a rate table.
 */
const OPTIONAL_HOSTS = [...BADGE_HOST_PERMISSIONS, ...API_HOST_PERMISSIONS.aliexpress, ...API_HOST_PERMISSIONS.admitad, 'https://*/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  // The popup's time to link (scripts/build/popup-page.ts): built on its own, its startup code is
  // one file, and its CSS is inlined into popup.html.
  hooks: {
    'entrypoints:grouped': (_wxt, groups) => void buildPopupAlone(groups),
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!isPopupAloneGroup(entrypoints)) return;
      config.plugins = [...(config.plugins ?? []), inlineStylesheets()];
      // One stylesheet for the whole popup, inlined above. Split per chunk, Vite tied it to the lazily
      // loaded part and made that chunk fetch the (inlined, so deleted) file before running.
      config.build = { ...config.build, cssCodeSplit: false };
    },
  },
  // Brings webextension-polyfill in, so one promise-based `browser` behaves alike in Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `storage` comes from.
  imports: false,
  // The Firefox sources zip: what .gitignore keeps out of git stays out of it too (artifacts/ holds
  // a Chromium profile and the store screenshots). WXT already leaves out dotfiles and node_modules.
  zip: { excludeSources: ['artifacts/**', 'test-results/**', 'playwright-report/**', 'reports/**', 'stats.html', '**/*.log'] },
  // No modulepreload helper: extension pages load their few chunks from disk, and Vite's helper
  // (CSS and dependency preloading for each dynamic import) cost the popup ~150 B gzip at startup.
  vite: () => ({ plugins: [preact(), zodWithoutEval()], build: { modulePreload: false, minify: 'terser', terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Minimal at install (docs/architecture.md, 'Hard rules' 4): activeTab lets the popup and the shortcut read
    // the tab they act on; storage keeps presets; contextMenus for "Copy affiliate link";
    // clipboardWrite lets the background copy without a click in a page (Firefox's background
    // page; Chrome's offscreen document, where execCommand('copy') fails without it), at the cost
    // of one install line ("Modify data you copy and paste"); alarms refreshes the optional remote
    // rate table. Optional, asked for from the click that needs it, with the reason on screen:
    // AliExpress tab addresses (the badge), the cookies API on AliExpress (the ship-to country),
    // the AliExpress and Admitad API hosts (when API credentials are saved), and https origins
    // (only the one of the rate-table URL the user enters).
    permissions: ['storage', 'activeTab', 'contextMenus', 'clipboardWrite', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    ...(browser === 'firefox'
      ? { optional_permissions: ['cookies', ...OPTIONAL_HOSTS] }
      : { optional_permissions: ['cookies'], optional_host_permissions: OPTIONAL_HOSTS }),
    // 116: runtime.getContexts, which the clipboard uses to find its offscreen document
    // (https://developer.chrome.com/docs/extensions/reference/api/runtime#method-getContexts);
    // the offscreen API itself needs 109. Edge follows Chromium's numbers.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'copy-affiliate-link': {
        // Not among Chrome's or Firefox's own shortcuts on Windows, Linux and macOS; users change
        // it at chrome://extensions/shortcuts or in about:addons (Manage Extension Shortcuts).
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_copyAffiliateLink__',
      },
      'copy-as-post': {
        description: '__MSG_command_copyAsPost__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sublink@sublink.dev',
              // 140: the first release that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the browser unless the user saves API credentials: then the product
              // URLs they ask about go to the AliExpress or Admitad API, and Admitad's token request
              // carries their client secret. Optional, requested with the API hosts from the same
              // click (lib/options/credentials-model.ts); categories and the optional list:
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: { required: ['none'], optional: [...API_DATA_COLLECTION] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
