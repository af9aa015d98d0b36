import { DISCLOSURE_ITEMS } from '@/lib/options/disclosure';
import { t } from '@/lib/i18n/index';

export interface DisclosureSectionProps {
  /** The setup shows it without its own card. */
  compact?: boolean;
}

/** What Sublink does with which data: the same statements as the store listing (docs/store-listing.md). */
export function DisclosureSection({ compact = false }: DisclosureSectionProps) {
  const list = (
    <ul class="disclosure" data-testid="disclosure">
      {DISCLOSURE_ITEMS.map((item) => (
        <li key={item.key}>
          {item.optional && <span class="badge">{t('disclosure_optional')}</span>} {t(item.key)}
        </li>
      ))}
    </ul>
  );
  if (compact) return list;
  return (
    <section class="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('disclosure_title')}</h2>
      <p class="note">{t('disclosure_intro')}</p>
      {list}
    </section>
  );
}
