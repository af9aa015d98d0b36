// The popup's first screen (plain DOM over the model): what a user sees and clicks before the rest loads.
import { describe, expect, it, vi } from 'vitest';
import { mountFirstScreen } from '@/components/popup/first-screen';
import type { Account } from '@/lib/networks/types';
import { createPopupModel, type PopupDeps } from '@/lib/popup/model';
import type { Preset } from '@/lib/presets/types';

const PRODUCT = 'https://www.aliexpress.com/item/1005006123456789.html';
const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const portals: Account = { id: 'acc-p', network: 'portals', name: 'Portals', appKey: '500123', trackingId: 'blog_main' };
const preset = (id: string, name: string, accountId = 'acc1'): Preset => ({ id, name, accountId, program: 'ww', audienceCountry: 'DE', subIds: { subid: id }, keepSku: false });

async function mount(presets: Preset[], url = PRODUCT, defaultPresetId: string | null = null) {
  const deps: PopupDeps = {
    getActiveTab: async () => ({ url }),
    loadStorage: async () => ({ accounts: [admitad, portals], presets, settings: { defaultPresetId, lastUsedPresetId: null } }),
    loadEstimateData: async () => ({}),
    saveSettings: vi.fn<PopupDeps['saveSettings']>(async () => ({ ok: true })),
    saveRaw: async () => ({ ok: true }),
    writeClipboard: vi.fn<PopupDeps['writeClipboard']>(async () => undefined),
    notifyCopied: async () => ({ recorded: true }),
  };
  const model = createPopupModel(deps);
  await model.load();
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const onLinkShown = vi.fn();
  const openOptions = vi.fn();
  const screen = mountFirstScreen(root, model, { openOptions, onLinkShown });
  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { model, deps, root, screen, byTestId, onLinkShown, openOptions };
}

describe('the popup first screen', () => {
  it('shows the product, the link and a focused Copy button that copies it', async () => {
    const { byTestId, deps, onLinkShown, model } = await mount([preset('p1', 'Blog')]);
    expect(byTestId('state')?.dataset.kind).toBe('product');
    expect(byTestId('product-id')?.textContent).toBe('1005006123456789');
    expect(byTestId('deeplink')?.textContent).toBe(model.shownLink.value?.url);
    expect(onLinkShown).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(byTestId('copy'));
    byTestId('copy')!.click();
    await vi.waitFor(() => expect(byTestId('copy')?.dataset.copied).toBe('true'));
    expect(deps.writeClipboard).toHaveBeenCalledWith(model.shownLink.value?.url);
    expect(byTestId('copy')?.textContent).toBe('Copied');
  });

  it('offers up to six presets as one-click segments, the default marked, and switches on a click', async () => {
    const { root, byTestId, model, deps } = await mount([preset('p1', 'Blog'), preset('p2', 'Telegram'), preset('p3', 'Video')], PRODUCT, 'p2');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.closest('label')?.querySelector('.segment-name')?.textContent)).toEqual(['Blog', 'Telegram', 'Video']);
    expect(radios.map((radio) => radio.checked)).toEqual([false, true, false]);
    expect(byTestId('default-preset')?.closest('label')?.textContent).toContain('Telegram');
    radios[2]!.click();
    expect(model.selectedPreset.value?.id).toBe('p3');
    expect(byTestId('deeplink')?.textContent).toContain('subid=p3');
    expect(deps.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ defaultPresetId: 'p2', lastUsedPresetId: 'p3' }));
  });

  it('uses a list for more than six presets, the default named as such', async () => {
    const many = Array.from({ length: 7 }, (_, index) => preset(`p${index}`, `Preset ${index}`));
    const { root, model } = await mount(many, PRODUCT, 'p4');
    const select = root.querySelector('select')!;
    expect(select.options).toHaveLength(7);
    expect(select.value).toBe('p4');
    expect(select.options[4]!.textContent).toBe('Preset 4 (default)');
    select.value = 'p6';
    select.dispatchEvent(new Event('change'));
    expect(model.selectedPreset.value?.id).toBe('p6');
  });

  it.each([
    { url: PRODUCT, expected: 'Clean product URL' },
    { url: 'https://www.aliexpress.com/store/1234', expected: 'Clean store URL' },
    { url: 'https://www.aliexpress.com/category/100003109/women-clothing.html', expected: 'Clean page URL' },
  ])('labels the clean link for the kind of page: $expected', async ({ url, expected }) => {
    const { root } = await mount([], url);
    expect(root.querySelector('.link-box h2')?.textContent).toBe(expected);
  });

  it('for a Portals preset shows no link and no Copy button until the API gives one, then why not', async () => {
    const { byTestId, model, openOptions } = await mount([{ ...preset('pp', 'Portals', 'acc-p'), program: 'portals', portals: { af: 'tg' } }]);
    expect(byTestId('api-link-pending')).not.toBeNull();
    expect(byTestId('copy')).toBeNull();
    model.setApiLinkProblem(model.requestKey.value, { kind: 'no-credentials' });
    expect(byTestId('api-link-pending')).toBeNull();
    expect(byTestId('api-link-problem')?.textContent).toContain('Add your API app key and secret in the options');
    byTestId('api-link-problem')!.querySelector('button')!.click();
    expect(openOptions).toHaveBeenCalled();
    expect(byTestId('copy')).toBeNull();
  });

  it('follows a pasted URL: a short link has no link box', async () => {
    const { byTestId, model, root } = await mount([preset('p1', 'Blog')]);
    model.setPastedUrl('https://a.aliexpress.com/_mKabc12');
    expect(byTestId('state')?.dataset.kind).toBe('short-link');
    expect(root.querySelector<HTMLElement>('.link-box')?.hidden).toBe(true);
  });
});
