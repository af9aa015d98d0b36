/**
 * Writing the clipboard from an extension page that has a DOM: the Chrome offscreen document,
 * and Firefox's background page (MV2, `clipboardWrite`).
 *
 * Two ways, tried in the page's preferred order:
 * - `navigator.clipboard.writeText`: Firefox allows it in the background page with
 *   `clipboardWrite`; Chrome refuses it in an offscreen document ("Document is not focused"),
 *   since that document can never have focus.
 * - `document.execCommand('copy')` on a selected textarea: deprecated, but what Chrome's own
 *   offscreen clipboard sample uses, and it works in an unfocused document (and headless).
 */
import { errorText, type ClipboardResult } from './types';

export interface PageClipboardDeps {
  readonly document: Document;
  readonly clipboard: Pick<Clipboard, 'writeText'> | undefined;
  /** 'textarea' for the offscreen document, 'api' for Firefox's background page. */
  readonly prefer: 'textarea' | 'api';
}

export function copyWithTextarea(doc: Document, text: string): boolean {
  const textarea = doc.createElement('textarea');
  textarea.value = text;
  doc.body.append(textarea);
  try {
    textarea.select();
    return doc.execCommand('copy');
  } finally {
    textarea.remove();
  }
}

export async function writeTextInPage(text: string, deps: PageClipboardDeps): Promise<ClipboardResult> {
  const viaTextarea = async () => {
    if (!copyWithTextarea(deps.document, text)) throw new Error("execCommand('copy') was refused");
  };
  const viaApi = async () => {
    if (!deps.clipboard) throw new Error('navigator.clipboard is not available');
    await deps.clipboard.writeText(text);
  };
  const attempts = deps.prefer === 'textarea' ? [viaTextarea, viaApi] : [viaApi, viaTextarea];
  const reasons: string[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
      return { ok: true };
    } catch (error) {
      reasons.push(errorText(error));
    }
  }
  return { ok: false, reason: reasons.join('; ') };
}
