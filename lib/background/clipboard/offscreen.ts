/**
 * Chrome MV3: a service worker has no DOM and no clipboard, so the text goes to an offscreen
 * document (reason CLIPBOARD) that writes it
 * (https://developer.chrome.com/docs/extensions/reference/api/offscreen).
 *
 * Chrome allows one offscreen document per extension, and `createDocument` fails while one
 * exists or is being created. Copies in quick succession share one pending "make sure it
 * exists" step (check with runtime.getContexts, then create); a later copy checks again, so a
 * document Chrome closed, or a worker restarted, is handled the same way.
 */
import { OFFSCREEN_CLIPBOARD_TARGET, readClipboardReply, type OffscreenClipboardRequest } from './protocol';
import { errorText, type ClipboardResult, type ClipboardWriter } from './types';

export const OFFSCREEN_DOCUMENT_PATH = '/offscreen.html';
export const OFFSCREEN_JUSTIFICATION = 'Writes the affiliate link the user chose to copy from the context menu or keyboard shortcut to the clipboard.';

export interface OffscreenClipboardDeps {
  /** True when our offscreen document exists (runtime.getContexts). */
  hasDocument(): Promise<boolean>;
  createDocument(): Promise<void>;
  send(request: OffscreenClipboardRequest): Promise<unknown>;
}

// Chrome's words when a document exists already (a creation raced us from another worker instance).
const ALREADY_EXISTS = /single offscreen document/i;

export function createOffscreenClipboard(deps: OffscreenClipboardDeps): ClipboardWriter {
  let pending: Promise<void> | undefined;
  const ensureDocument = (): Promise<void> =>
    (pending ??= (async () => {
      if (await deps.hasDocument()) return;
      try {
        await deps.createDocument();
      } catch (error) {
        if (!ALREADY_EXISTS.test(errorText(error))) throw error;
      }
    })().finally(() => {
      pending = undefined;
    }));

  return {
    async writeText(text: string): Promise<ClipboardResult> {
      try {
        await ensureDocument();
      } catch (error) {
        return { ok: false, reason: `offscreen document: ${errorText(error)}` };
      }
      try {
        return readClipboardReply(await deps.send({ target: OFFSCREEN_CLIPBOARD_TARGET, text }));
      } catch (error) {
        return { ok: false, reason: errorText(error) };
      }
    },
  };
}
