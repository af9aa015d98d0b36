export type ClipboardResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Puts text on the system clipboard from the background; never throws. */
export interface ClipboardWriter {
  writeText(text: string): Promise<ClipboardResult>;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
