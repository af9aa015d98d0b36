/**
 * The QR code of a link, generated offline with uqr (no network, no remote code), loaded only
 * when the user asks for it so the popup's startup JS does not grow (docs/architecture.md, 'Budgets').
 */
import { encode } from 'uqr';

/** Medium error correction: readable from a screen or a print that is a little worn, still small. */
const ECC = 'M';
/** The quiet zone the QR standard asks for around the symbol, in modules. */
const BORDER = 4;

export interface QrSymbol {
  /** Modules per side, quiet zone included. */
  readonly size: number;
  /** An SVG path drawing every dark module as a 1x1 square, in module units. */
  readonly path: string;
}

export function qrSymbol(text: string): QrSymbol {
  const { size, data } = encode(text, { ecc: ECC, border: BORDER });
  let path = '';
  data.forEach((row, y) => {
    // One rectangle per run of dark modules in a row: a shorter path than one square each.
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < size && row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1h${-(x - start + 1)}z`;
    }
  });
  return { size, path };
}

/** A standalone SVG file: dark modules on white, whatever the popup's theme (scanners want contrast). */
export function qrSvgFile(symbol: QrSymbol): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${symbol.size} ${symbol.size}" width="${symbol.size * 8}" height="${symbol.size * 8}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${symbol.path}" fill="#000"/></svg>`;
}

/** A PNG of the symbol, `scale` pixels per module, drawn on a canvas (no image decoding involved). */
export function qrPng(symbol: QrSymbol, scale = 8): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = symbol.size * scale;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas'));
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.fillStyle = '#000';
  context.fill(new Path2D(symbol.path));
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}
