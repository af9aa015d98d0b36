import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Account } from '@/lib/networks/types';
import type { SetupModel } from '@/lib/options/setup-model';
import type { Preset } from '@/lib/presets/types';
import { deeplinkErrorText } from '@/lib/i18n/text';
import { t } from '@/lib/i18n/index';
import { AccountForm } from './AccountForm';
import { DisclosureSection } from './DisclosureSection';
import { PresetForm } from './PresetForm';

export interface SetupWizardProps {
  setup: SetupModel;
  accounts: readonly Account[];
  /** Leaves the setup for the full options page. */
  onFinish: () => void;
}

/** First install: an account, a preset made the default, and the link it builds. */
export function SetupWizard({ setup, accounts, onFinish }: SetupWizardProps) {
  const step = setup.step.value;
  const [account] = useState(() => setup.blankAccount());
  const preset = useMemo<Preset | null>(() => (step === 'preset' ? setup.blankPreset() : null), [step, setup]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The forms put the focus in their first field; the last step has none, so its heading takes
  // the focus (the button pressed is gone) and a screen reader announces it.
  useEffect(() => {
    if (step === 'done') headingRef.current?.focus();
  }, [step]);

  const example = setup.example.value;
  return (
    <section class="card setup" aria-labelledby="setup-heading" data-testid="setup">
      <h2 id="setup-heading" ref={headingRef} tabIndex={-1}>
        {step === 'account' && t('setup_accountTitle')}
        {step === 'preset' && t('setup_presetTitle')}
        {step === 'done' && t('setup_doneTitle')}
      </h2>
      {step === 'account' && (
        <>
          <p>{t('setup_welcome')}</p>
          <p class="note">{t('setup_accountIntro')}</p>
          <AccountForm initial={account} isNew onSubmit={(draft) => setup.submitAccount(draft)} onCancel={() => setup.skipAccount()} />
          <p class="note">
            <button type="button" class="link-button" onClick={() => setup.skipAccount()}>
              {t('setup_skipAccount')}
            </button>
          </p>
          <details>
            <summary>{t('setup_privacy')}</summary>
            <DisclosureSection compact />
          </details>
        </>
      )}
      {step === 'preset' && preset && (
        <>
          <p class="note">{t('setup_presetIntro')}</p>
          <PresetForm
            key={preset.id}
            initial={preset}
            isNew
            accounts={accounts}
            onSubmit={(draft) => setup.submitPreset(draft)}
            onCancel={() => (accounts.length === 0 ? setup.back() : onFinish())}
          />
        </>
      )}
      {step === 'done' && (
        <>
          <p data-testid="setup-done">{t('setup_doneText', setup.preset.value?.name ?? '')}</p>
          {example?.ok ? (
            <>
              <p class="note">{t('setup_example')}</p>
              <p class="link" data-testid="setup-example">
                {example.url}
              </p>
            </>
          ) : (
            example && <p class="note">{deeplinkErrorText(example.code)}</p>
          )}
          <p class="note">{t('setup_next')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={onFinish}>
              {t('setup_finish')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
