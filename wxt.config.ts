import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Brings webextension-polyfill in, so one promise-based `browser` behaves alike in Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `storage` comes from.
  imports: false,
  // Extension pages support modulepreload natively; Vite's polyfill would only add bytes to the popup.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false }, minify: 'terser', terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Minimal at install (DESIGN.md hard rule 4): activeTab lets the popup read the tab it was
    // opened on; storage keeps presets. Anything else is optional and asked for when needed.
    permissions: ['storage', 'activeTab'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sublink@sublink.dev',
              strict_min_version: '115.0',
              // Nothing leaves the browser: https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
