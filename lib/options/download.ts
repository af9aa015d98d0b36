/**
 * Saves text as a file from the options page: a Blob URL on an `<a download>`, which needs no
 * `downloads` permission (docs/architecture.md, 'Hard rules' 4: minimal permissions).
 */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after this returns; revoking at once could cut it off.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
