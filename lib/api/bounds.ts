/**
 * Bounds on what the APIs may hand us (their answers are untrusted input). Text (titles, category
 * names) is shown in the popup and kept in history, so a longer one is cut: AliExpress titles run
 * to about 250 characters. A link longer than any real one is refused: it is copied to the
 * clipboard.
 */
export const EXTERNAL_TEXT_MAX = 512;
export const EXTERNAL_LINK_MAX = 4096;

export const cutExternalText = (text: string): string => text.slice(0, EXTERNAL_TEXT_MAX);
