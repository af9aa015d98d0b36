/**
 * The popup's QR code, in real Chromium: what is on screen, the copied image and the downloaded
 * SVG and PNG each decode back to the link shown (decoded with jsQR, an independent reader).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import jsQR from 'jsqr';
import { DEMO_STORAGE, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const productUrl = sampleProductUrl();

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: number[];
}

/** Rasterises an image (an SVG text or a PNG as base64) in a plain page, with a white margin like paper. */
async function pixelsOf(context: BrowserContext, origin: string, image: { svg: string } | { pngBase64: string }): Promise<Pixels> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(async (source) => {
      const url = 'svg' in source ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source.svg)}` : `data:image/png;base64,${source.pngBase64}`;
      const img = new Image();
      img.src = url;
      await img.decode();
      const size = 400;
      const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
      const context2d = canvas.getContext('2d')!;
      context2d.fillStyle = '#fff';
      context2d.fillRect(0, 0, size, size);
      context2d.drawImage(img, 20, 20, size - 40, size - 40);
      return { width: size, height: size, rgba: [...context2d.getImageData(0, 0, size, size).data] };
    }, image);
  } finally {
    await page.close();
  }
}

const decode = (pixels: Pixels) => jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height)?.data ?? null;

test('the QR code decodes back to the link: on screen, copied as an image, downloaded as SVG and PNG', async ({ context, harnessOrigin, seedStorage, openPopupFor, openPopupPage }) => {
  await seedStorage(DEMO_STORAGE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harnessOrigin });
  const popup = await openPopupFor(productUrl);
  const link = expectedAdmitadLink(productUrl);
  await expect(popup.getByTestId('deeplink')).toHaveText(link);

  // Everything from the popup first: it closes as soon as another page takes the focus.
  await popup.getByTestId('qr-toggle').click();
  await expect(popup.getByTestId('qr-toggle')).toHaveAttribute('aria-expanded', 'true');
  const onScreen = await popup.getByTestId('qr-symbol').evaluate((svg) => new XMLSerializer().serializeToString(svg));
  await popup.getByTestId('qr-copy').click();
  await expect(popup.getByTestId('qr')).toContainText('Image copied');
  // Downloads from the toolbar popup go to the browser's own folder, out of Playwright's sight: the
  // same popup page opened in a tab (popup.html?url=) shows them.
  const page = await openPopupPage(productUrl);
  await expect(page.getByTestId('deeplink')).toHaveText(link);
  await page.getByTestId('qr-toggle').click();
  const downloads: Record<string, Buffer> = {};
  for (const kind of ['svg', 'png'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`qr-${kind}`).click()]);
    expect(download.suggestedFilename()).toBe(`1005006789012345-qr.${kind}`);
    downloads[kind] = readFileSync((await download.path())!);
  }

  expect(decode(await pixelsOf(context, harnessOrigin, { svg: onScreen })), 'on screen').toBe(link);
  expect(decode(await pixelsOf(context, harnessOrigin, { svg: downloads.svg!.toString('utf8') })), 'SVG download').toBe(link);
  expect(decode(await pixelsOf(context, harnessOrigin, { pngBase64: downloads.png!.toString('base64') })), 'PNG download').toBe(link);
  const reader = await context.newPage();
  await reader.goto(`${harnessOrigin}/`);
  await reader.bringToFront();
  const copied = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
  });
  await reader.close();
  expect(decode(await pixelsOf(context, harnessOrigin, { pngBase64: copied })), 'copied image').toBe(link);
});
