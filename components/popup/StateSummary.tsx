import type { ParsedUrl } from '@/lib/url/types';
import { describeParsedUrl, siteLabel } from '@/lib/i18n/text';
import { t } from '@/lib/i18n/index';

export interface StateSummaryProps {
  /** null while there is no URL to read at all. */
  parsed: ParsedUrl | null;
}

/** What the popup found in the URL: a product, or what kind of page and what can still be done. */
export function StateSummary({ parsed }: StateSummaryProps) {
  if (!parsed) {
    return (
      <section class="state" data-testid="state" data-kind="no-url">
        <h1>{t('state_noUrl')}</h1>
        <p class="note">{t('state_noUrlNote')}</p>
      </section>
    );
  }
  const text = describeParsedUrl(parsed);
  const site = parsed.kind === 'product' ? parsed.product.site : parsed.kind === 'store' || parsed.kind === 'page' ? parsed.site : null;
  const provenance = parsed.kind === 'product' || parsed.kind === 'store' || parsed.kind === 'page' ? parsed : null;
  return (
    <section class="state" data-testid="state" data-kind={parsed.kind}>
      <div class="state-head">
        <h1>
          {parsed.kind === 'product' ? (
            <>
              {t('popup_product', '')}
              <span data-testid="product-id">{parsed.product.id}</span>
            </>
          ) : (
            text.title
          )}
        </h1>
        {site && (
          <p class="site" data-testid="product-site">
            {t('popup_site', siteLabel(site))}
          </p>
        )}
      </div>
      {text.note && <p class="note">{text.note}</p>}
      {provenance?.unwrappedFrom && <p class="note">{t('state_unwrapped', provenance.unwrappedFrom)}</p>}
    </section>
  );
}
