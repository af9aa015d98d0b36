import { useState } from 'preact/hooks';
import {
  parseTypedAmount,
  TYPED_CURRENCIES,
  TYPED_SELLER_COUNTRIES,
  TYPED_STORE_KINDS,
  type TypedFactName,
  type TypedPrice,
  type TypedProductFacts,
  type TypedSellerCountry,
  type TypedStoreKind,
} from '@/lib/insights';
import { storeLabelKey } from '@/lib/rates';
import { t, type MessageKey } from '@/lib/i18n/index';

export type ProductFactsChange = { readonly [K in TypedFactName]?: TypedProductFacts[K] | undefined };

export interface ProductFactsProps {
  /** What the user typed for this product. */
  typed: TypedProductFacts;
  /** The API's price, the default currency and a hint while none is typed. */
  apiPrice: TypedPrice | null;
  formatPrice: (amount: number, currency: string) => string;
  onChange: (change: ProductFactsChange) => void;
}

const storeLabel = (kind: TypedStoreKind) => t(kind === 'regular' ? 'facts_storeRegular' : (storeLabelKey(kind) as MessageKey));
const sellerLabel = (country: TypedSellerCountry) => t(country === 'CN' ? 'facts_sellerCN' : 'facts_sellerRU');

function EnteredMark({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <span class="entered note">
      {t('facts_youEntered')}{' '}
      <button type="button" class="link-button" aria-label={t('facts_clearWhat', what)} onClick={onClear}>
        {t('facts_clear')}
      </button>
    </span>
  );
}

/**
 * Price, store kind and seller's country as the publisher reads them off the product page:
 * collapsed by default (the popup must fit Chrome's 600 px), each typed fact marked with one
 * click to clear it. A price that is not a number is said and kept in the field.
 */
export function ProductFacts({ typed, apiPrice, formatPrice, onChange }: ProductFactsProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [priceInvalid, setPriceInvalid] = useState(false);
  // Chosen before any amount is typed: held here until the amount comes.
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const currency = typed.price?.currency ?? chosenCurrency ?? apiPrice?.currency ?? 'USD';
  const currencies = TYPED_CURRENCIES.includes(currency) ? TYPED_CURRENCIES : [...TYPED_CURRENCIES, currency];
  const enteredCount = [typed.price, typed.storeKind, typed.sellerCountry].filter((fact) => fact !== undefined).length;
  const amountText = draft ?? (typed.price ? String(typed.price.amount) : '');

  const commitAmount = (text: string, inCurrency = currency) => {
    if (!text.trim()) {
      setPriceInvalid(false);
      setDraft(null);
      if (typed.price) onChange({ price: undefined });
      return;
    }
    const amount = parseTypedAmount(text);
    setPriceInvalid(amount === null);
    if (amount === null) return;
    setDraft(null);
    onChange({ price: { amount, currency: inCurrency } });
  };

  return (
    <details class="product-facts" data-testid="product-facts">
      <summary>
        {t('facts_title')}
        {enteredCount > 0 && <span data-testid="facts-entered"> · {t('facts_enteredCount', String(enteredCount))}</span>}
      </summary>
      <p class="note">{t('facts_readOffPage')}</p>
      <div class="fact-row">
        <label for="fact-price">{t('facts_price')}</label>
        <input
          id="fact-price"
          data-testid="fact-price"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          size={8}
          title={t('facts_priceHint')}
          placeholder={apiPrice ? String(apiPrice.amount) : ''}
          value={amountText}
          aria-invalid={priceInvalid}
          aria-describedby={priceInvalid ? 'fact-price-error' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => commitAmount(event.currentTarget.value)}
        />
        <select
          data-testid="fact-currency"
          aria-label={t('facts_currency')}
          value={currency}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setChosenCurrency(next);
            if (draft !== null && draft.trim()) commitAmount(draft, next);
            else if (typed.price) onChange({ price: { amount: typed.price.amount, currency: next } });
          }}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        {typed.price ? (
          <EnteredMark what={t('facts_price')} onClear={() => (setDraft(null), setPriceInvalid(false), onChange({ price: undefined }))} />
        ) : (
          apiPrice && <span class="note">{t('facts_priceFromApi', formatPrice(apiPrice.amount, apiPrice.currency))}</span>
        )}
      </div>
      {priceInvalid && (
        <p id="fact-price-error" class="field-error" role="alert" data-testid="fact-price-error">
          {t('facts_priceInvalid')}
        </p>
      )}
      <div class="fact-row">
        <label for="fact-store">{t('facts_store')}</label>
        <select
          id="fact-store"
          data-testid="fact-store"
          value={typed.storeKind ?? ''}
          onChange={(event) => onChange({ storeKind: (event.currentTarget.value || undefined) as TypedStoreKind | undefined })}
        >
          <option value="">{t('facts_storeFromLink')}</option>
          {TYPED_STORE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {storeLabel(kind)}
            </option>
          ))}
        </select>
        {typed.storeKind && <EnteredMark what={t('facts_store')} onClear={() => onChange({ storeKind: undefined })} />}
      </div>
      <div class="fact-row">
        <label for="fact-seller">{t('facts_seller')}</label>
        <select
          id="fact-seller"
          data-testid="fact-seller"
          value={typed.sellerCountry ?? ''}
          onChange={(event) => onChange({ sellerCountry: (event.currentTarget.value || undefined) as TypedSellerCountry | undefined })}
        >
          <option value="">{t('facts_sellerUnknown')}</option>
          {TYPED_SELLER_COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {sellerLabel(country)}
            </option>
          ))}
        </select>
        {typed.sellerCountry && <EnteredMark what={t('facts_seller')} onClear={() => onChange({ sellerCountry: undefined })} />}
      </div>
    </details>
  );
}
