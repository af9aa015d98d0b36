import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/index';
import { qrPng, qrSvgFile, qrSymbol } from '@/lib/popup/qr';

export interface QrCodeProps {
  link: string;
  /** Names the downloaded files, e.g. the product id. */
  fileStem: string;
}

type Status = { readonly kind: 'idle' } | { readonly kind: 'copied' } | { readonly kind: 'failed'; readonly message: string };

/** The link as a QR code, for phones and print: shown, copied as an image, downloaded as SVG or PNG. */
export function QrCode({ link, fileStem }: QrCodeProps) {
  const symbol = useMemo(() => qrSymbol(link), [link]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const copyImage = async () => {
    try {
      // A promise for the blob keeps the clipboard write inside the click's user activation.
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': qrPng(symbol) })]);
      setStatus({ kind: 'copied' });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const download = async (kind: 'svg' | 'png') => {
    const blob = kind === 'svg' ? new Blob([qrSvgFile(symbol)], { type: 'image/svg+xml' }) : await qrPng(symbol);
    const anchor = document.createElement('a');
    anchor.href = URL.createObjectURL(blob);
    anchor.download = `${fileStem}-qr.${kind}`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10_000);
  };

  return (
    <section class="qr" data-testid="qr" aria-label={t('popup_qrLabel')}>
      <svg
        class="qr-symbol"
        data-testid="qr-symbol"
        role="img"
        aria-label={t('popup_qrLabel')}
        viewBox={`0 0 ${symbol.size} ${symbol.size}`}
        shape-rendering="crispEdges"
      >
        <rect width="100%" height="100%" fill="#fff" />
        <path d={symbol.path} fill="#000" />
      </svg>
      <div class="qr-actions">
        <button type="button" data-testid="qr-copy" onClick={() => void copyImage()}>
          {t('popup_qrCopyImage')}
        </button>
        <button type="button" data-testid="qr-svg" onClick={() => void download('svg')}>
          {t('popup_qrDownloadSvg')}
        </button>
        <button type="button" data-testid="qr-png" onClick={() => void download('png')}>
          {t('popup_qrDownloadPng')}
        </button>
        <span role="status" class="status">
          {status.kind === 'copied' ? t('popup_qrCopied') : status.kind === 'failed' ? t('popup_qrCopyFailed', status.message) : ''}
        </span>
      </div>
    </section>
  );
}
