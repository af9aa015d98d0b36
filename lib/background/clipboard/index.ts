export type { ClipboardResult, ClipboardWriter } from './types';
export { createOffscreenClipboard, OFFSCREEN_DOCUMENT_PATH, OFFSCREEN_JUSTIFICATION, type OffscreenClipboardDeps } from './offscreen';
export { OFFSCREEN_CLIPBOARD_TARGET, createOffscreenRequestListener, isOffscreenClipboardRequest, readClipboardReply, type OffscreenClipboardRequest } from './protocol';
export { copyWithTextarea, writeTextInPage, type PageClipboardDeps } from './page';
