/**
 * The first-install setup: an account, then a preset made the default, then
 * the link that preset builds for an example product, so the setup ends with something that
 * works. It saves through the options model, with the same validation as the page's forms.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { buildDeeplink } from '../networks';
import type { Account, DeeplinkResult } from '../networks/types';
import type { Preset } from '../presets/types';
import type { OptionsModel, SubmitResult } from './model';

export type SetupStep = 'account' | 'preset' | 'done';

/** An example product page, as the popup would see it, for the link the finished setup shows. */
export const SETUP_EXAMPLE_URL = 'https://www.aliexpress.com/item/1005006789012345.html';

export function createSetupModel(options: OptionsModel, ids: { newAccountId: () => string; newPresetId: () => string }) {
  // A profile that already has an account (a second run of the setup) starts at the preset.
  const step = signal<SetupStep>(options.accounts.value.length > 0 ? 'preset' : 'account');
  const accountId = signal<string | null>(options.accounts.value[0]?.id ?? null);
  const presetId = signal<string | null>(null);

  const preset = computed(() => options.presets.value.find((p) => p.id === presetId.value) ?? null);
  const example = computed<DeeplinkResult | null>(() => {
    const chosen = preset.value;
    return chosen ? buildDeeplink(SETUP_EXAMPLE_URL, chosen, options.accounts.value.find((a) => a.id === chosen.accountId)) : null;
  });

  return {
    step: step as ReadonlySignal<SetupStep>,
    preset,
    example,

    blankAccount(): Account {
      return { id: ids.newAccountId(), network: 'admitad', name: '', code: '' };
    },

    blankPreset(): Preset {
      const id = accountId.value;
      return {
        id: ids.newPresetId(),
        name: '',
        accountId: options.accounts.value.some((a) => a.id === id) ? id : null,
        program: 'ww',
        audienceCountry: null,
        subIds: {},
        keepSku: false,
      };
    },

    async submitAccount(account: Account): Promise<SubmitResult> {
      const result = await options.saveAccount(account);
      if (result.ok) {
        accountId.value = account.id;
        step.value = 'preset';
      }
      return result;
    },

    /** No account yet: the preset builds the plain clean link until one is added. */
    skipAccount() {
      accountId.value = null;
      step.value = 'preset';
    },

    async submitPreset(draft: Preset): Promise<SubmitResult> {
      const result = await options.savePreset(draft);
      if (!result.ok) return result;
      await options.makeDefault(draft.id);
      presetId.value = draft.id;
      step.value = 'done';
      return result;
    },

    back() {
      if (step.value === 'preset') step.value = 'account';
    },
  };
}

export type SetupModel = ReturnType<typeof createSetupModel>;
