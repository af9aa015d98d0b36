import { useEffect } from 'preact/hooks';
import type { BadgeOptInModel } from '@/lib/options/badge-opt-in';
import { t } from '@/lib/i18n/index';

export interface BadgeOptInProps {
  /** Wired to the browser's permissions and storage by the options entrypoint. */
  model: BadgeOptInModel;
}

/** The options page's switch for the toolbar badge on product tabs, with why it asks for access. */
export function BadgeOptIn({ model }: BadgeOptInProps) {
  useEffect(() => {
    void model.load();
  }, [model]);
  const problem = model.problem.value;

  return (
    <section class="card" aria-labelledby="badge-heading" data-testid="badge-opt-in">
      <h2 id="badge-heading">{t('badge_optInHeading')}</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="badge-opt-in-toggle"
          checked={model.enabled.value}
          disabled={model.busy.value}
          // The permission request must start inside this event: setEnabled makes it its first call.
          onChange={(event) => void model.setEnabled(event.currentTarget.checked)}
        />
        <span>{t('badge_optInLabel')}</span>
      </label>
      <p class="note">{t('badge_optInReason')}</p>
      {problem && (
        <p class="error" role="alert">
          {problem === 'denied' ? t('badge_optInDenied') : problem === 'storage-full' ? t('options_quotaExceeded') : t('badge_optInSaveFailed')}
        </p>
      )}
    </section>
  );
}
