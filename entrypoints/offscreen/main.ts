// The Chrome offscreen document: writes what the service worker asks to the clipboard.
import { browser } from 'wxt/browser';
import { createOffscreenRequestListener } from '@/lib/background/clipboard/protocol';
import { writeTextInPage } from '@/lib/background/clipboard/page';

browser.runtime.onMessage.addListener(
  createOffscreenRequestListener((text) => writeTextInPage(text, { document, clipboard: navigator.clipboard, prefer: 'textarea' }), browser.runtime.id),
);
