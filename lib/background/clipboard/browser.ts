/** lib/background/clipboard's browser side: which writer this browser gets, wired to the real APIs. */
import { browser } from 'wxt/browser';
import { createOffscreenClipboard, OFFSCREEN_DOCUMENT_PATH, OFFSCREEN_JUSTIFICATION } from './offscreen';
import { writeTextInPage } from './page';
import type { ClipboardWriter } from './types';

/**
 * Chrome MV3 (a service worker, `offscreen` present): through the offscreen document.
 * Firefox MV2 (a background page with a DOM): directly, with `clipboardWrite`.
 */
export function createBrowserClipboard(): ClipboardWriter {
  if (typeof browser.offscreen?.createDocument === 'function') {
    const url = browser.runtime.getURL(OFFSCREEN_DOCUMENT_PATH);
    return createOffscreenClipboard({
      hasDocument: async () => (await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0,
      createDocument: () => browser.offscreen.createDocument({ url: OFFSCREEN_DOCUMENT_PATH, reasons: ['CLIPBOARD'], justification: OFFSCREEN_JUSTIFICATION }),
      send: (request) => browser.runtime.sendMessage(request),
    });
  }
  return { writeText: (text) => writeTextInPage(text, { document, clipboard: navigator.clipboard, prefer: 'api' }) };
}
