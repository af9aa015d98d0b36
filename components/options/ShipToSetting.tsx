import type { SourcesModel } from '@/lib/options/sources-model';
import { t } from '@/lib/i18n/index';

export interface ShipToSettingProps {
  model: SourcesModel;
}

/** The optional permission to read AliExpress's ship-to country, with why it is asked for. */
export function ShipToSetting({ model }: ShipToSettingProps) {
  return (
    <section class="card" aria-labelledby="ship-to-heading" data-testid="ship-to-setting">
      <h2 id="ship-to-heading">{t('options_shipTo')}</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={model.shipToAllowed.value}
          // The permission request must start inside this event.
          onChange={(event) => void model.setShipToAllowed(event.currentTarget.checked)}
        />
        <span>{t('options_shipToLabel')}</span>
      </label>
      <p class="note">{t('options_shipToReason')}</p>
    </section>
  );
}
