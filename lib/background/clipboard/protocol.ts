/**
 * The one message between the service worker and the Chrome offscreen clipboard document.
 * Kept out of lib/messaging/protocol.ts, whose map is what UI pages may send the background: this one
 * goes the other way, to a page that only writes the clipboard.
 */
import type { ClipboardResult } from './types';

export const OFFSCREEN_CLIPBOARD_TARGET = 'offscreen-clipboard';

export interface OffscreenClipboardRequest {
  readonly target: typeof OFFSCREEN_CLIPBOARD_TARGET;
  readonly text: string;
}

export function isOffscreenClipboardRequest(message: unknown): message is OffscreenClipboardRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { target?: unknown }).target === OFFSCREEN_CLIPBOARD_TARGET &&
    typeof (message as { text?: unknown }).text === 'string'
  );
}

/** The document's reply as a result; anything else (no listener, a crash) is a failure. */
export function readClipboardReply(reply: unknown): ClipboardResult {
  if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true) return { ok: true };
  const reason = typeof reply === 'object' && reply !== null ? (reply as { reason?: unknown }).reason : undefined;
  return { ok: false, reason: typeof reason === 'string' ? reason : 'the offscreen document did not answer' };
}

/**
 * The offscreen document's `runtime.onMessage` listener: answers our worker's clipboard
 * requests and leaves every other message (popup, options) alone.
 */
export function createOffscreenRequestListener(write: (text: string) => Promise<ClipboardResult>, extensionId: string) {
  return (message: unknown, sender: { readonly id?: string }): Promise<ClipboardResult> | undefined =>
    isOffscreenClipboardRequest(message) && sender.id === extensionId ? write(message.text) : undefined;
}
