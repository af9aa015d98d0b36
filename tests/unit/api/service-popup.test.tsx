// The popup's side of the network APIs: the local link first, the API's link swapped in only for the preset
// and URL it was asked for, copy copying what is shown, and the one-line API facts and failures.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ApiFacts } from '@/components/popup/ApiFacts';
import type { ProductInsightsReply } from '@/lib/api/service';
import type { Account } from '@/lib/networks/types';
import { apiServiceOf, createApiInsights } from '@/lib/popup/api-insights';
import { computeInsights, createEstimateDataReader } from '@/lib/insights';
import { createPopupModel, type PopupDeps } from '@/lib/popup/model';
import type { Preset } from '@/lib/presets/types';
import { parseProductUrl } from '@/lib/url';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html?aff_fcid=x';
const CLEAN = 'https://www.aliexpress.com/item/1005006789012345.html';
const API_LINK = 'https://s.click.aliexpress.com/e/_hAbc?af=tg';
const portals: Account = { id: 'acc-p', network: 'portals', name: 'Portals', appKey: '500123', trackingId: 'blog_main' };
const admitad: Account = { id: 'acc-a', network: 'admitad', name: 'Admitad', code: 'abc123def456abc123def456abc123' };
const portalsPreset: Preset = { id: 'pp', name: 'Portals', accountId: 'acc-p', program: 'portals', audienceCountry: 'US', subIds: {}, keepSku: false, portals: { af: 'tg' } };
const admitadPreset: Preset = { id: 'pa', name: 'Admitad', accountId: 'acc-a', program: 'ww', audienceCountry: 'DE', subIds: {}, keepSku: false };

async function loadedModel(presetId: string) {
  const deps = {
    getActiveTab: vi.fn(async () => ({ url: PRODUCT })),
    loadStorage: vi.fn(async () => ({ accounts: [portals, admitad], presets: [portalsPreset, admitadPreset], settings: { defaultPresetId: presetId, lastUsedPresetId: null } })),
    loadEstimateData: vi.fn(async () => ({})),
    saveSettings: vi.fn<PopupDeps['saveSettings']>(async () => ({ ok: true })),
    saveRaw: vi.fn<PopupDeps['saveRaw']>(async () => ({ ok: true })),
    writeClipboard: vi.fn<PopupDeps['writeClipboard']>(async () => undefined),
    notifyCopied: vi.fn<PopupDeps['notifyCopied']>(async () => ({ recorded: true })),
  };
  const model = createPopupModel(deps);
  await model.load();
  return { model, deps };
}

describe('the popup model with API links', () => {
  it('shows no link for a Portals preset until the API gives one (an untracked link earns nothing), then copies it', async () => {
    const { model, deps } = await loadedModel('pp');
    expect(model.link.value).toEqual({ ok: false, code: 'needs-api' });
    expect(model.shownLink.value).toBeNull();
    expect(model.apiLinkPending.value).toBe(true);
    expect(model.cleanUrl.value).toBe(CLEAN);
    await model.copy();
    expect(deps.writeClipboard).not.toHaveBeenCalled();
    model.setApiLink(model.requestKey.value, API_LINK, true);
    expect(model.shownLink.value).toEqual({ url: API_LINK, from: 'api', hot: true });
    await model.copy();
    expect(deps.writeClipboard).toHaveBeenCalledWith(API_LINK);
    expect(deps.notifyCopied).toHaveBeenCalledWith(expect.objectContaining({ link: API_LINK, presetId: 'pp' }));
  });

  it.each([
    { problem: { kind: 'no-credentials' as const } },
    { problem: { kind: 'api-error' as const, message: 'timeout' } },
  ])('says why a Portals preset has no link ($problem.kind) and copies nothing', async ({ problem }) => {
    const { model, deps } = await loadedModel('pp');
    model.setApiLinkProblem(model.requestKey.value, problem);
    expect(model.apiLinkProblem.value).toEqual(problem);
    expect(model.apiLinkPending.value).toBe(false);
    await model.copy();
    expect(deps.writeClipboard).not.toHaveBeenCalled();
    // The reason belongs to what it was asked for: another preset clears it.
    model.selectPreset('pa');
    expect(model.apiLinkProblem.value).toBeNull();
  });

  it('drops an API link that arrives for another preset or URL', async () => {
    const { model } = await loadedModel('pp');
    const asked = model.requestKey.value;
    model.selectPreset('pa');
    model.setApiLink(asked, API_LINK, false);
    expect(model.shownLink.value?.from).toBe('local');
    model.selectPreset('pp');
    // The answer was for this key, but it was refused while another was on screen.
    expect(model.shownLink.value).toBeNull();
    expect(model.apiLinkPending.value).toBe(true);
    model.setApiLink(model.requestKey.value, API_LINK, false);
    model.setPastedUrl('https://www.aliexpress.com/item/1005001234567890.html');
    expect(model.shownLink.value).toBeNull();
    expect(model.cleanUrl.value).toBe('https://www.aliexpress.com/item/1005001234567890.html');
  });

  it('keeps the local Admitad link', async () => {
    const { model } = await loadedModel('pa');
    expect(model.shownLink.value).toMatchObject({ from: 'local', url: expect.stringMatching(/^https:\/\/ad\.admitad\.com\/g\//) });
  });
});

describe('createApiInsights', () => {
  it.each([
    { account: portals, expected: 'aliexpress' },
    { account: admitad, expected: 'admitad' },
    { account: undefined, expected: null },
  ])('apiServiceOf($account.network) is $expected', ({ account, expected }) => {
    expect(apiServiceOf(account)).toBe(expected);
  });

  it('keeps the answer for the key it was asked under, and drops a late one', async () => {
    let answer: (reply: ProductInsightsReply) => void = () => undefined;
    const insights = createApiInsights({ ask: () => new Promise((resolve) => (answer = resolve)) });
    const first = insights.load('a', { url: PRODUCT, presetId: 'pp' }, 'aliexpress');
    expect(insights.state.value).toEqual({ key: 'a', status: 'loading', service: 'aliexpress' });
    const firstAnswer = answer;
    const second = insights.load('b', { url: PRODUCT, presetId: 'pa' }, 'admitad');
    firstAnswer({ source: 'aliexpress-api', affiliate: true });
    expect(await first).toBeNull();
    answer({ source: 'admitad-api', affiliate: false });
    expect(await second).toEqual({ source: 'admitad-api', affiliate: false });
    expect(insights.state.value).toMatchObject({ key: 'b', status: 'done', reply: { affiliate: false } });
  });

  it('turns a background that does not answer into a one-line failure', async () => {
    const insights = createApiInsights({ ask: () => Promise.reject(new Error('Could not establish connection')) });
    const actual = await insights.load('a', { url: PRODUCT, presetId: 'pa' }, 'admitad');
    expect(actual).toEqual({ source: 'admitad-api', error: { kind: 'network', message: 'the background did not answer', code: 'no-answer' } });
  });
});

describe('ApiFacts', () => {
  const show = (state: Parameters<typeof ApiFacts>[0]['state'], linkFromApi = false) => {
    const host = document.createElement('div');
    render(<ApiFacts state={state} linkFromApi={linkFromApi} formatNumber={(value) => String(value)} formatPrice={(amount, currency) => `${amount} ${currency}`} />, host);
    return host;
  };

  it('shows the exact rate with its source, the product and the HOT flag', () => {
    const host = show({
      key: 'k',
      status: 'done',
      service: 'aliexpress',
      reply: { source: 'aliexpress-api', rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true }, category: 'Consumer Electronics › Cables', price: { amount: 3.99, currency: 'USD' }, title: 'Cable', link: { url: API_LINK, kind: 'hot' }, affiliate: true },
    }, true);
    expect(host.querySelector('[data-testid="api-rate"]')?.textContent).toBe('9%HOT (normal rate 7%) Rate from the AliExpress API');
    expect(host.querySelector('[data-testid="api-product"]')?.textContent).toBe('Cable · Category: Consumer Electronics › Cables · Price: 3.99 USD');
    expect(host.querySelector('[data-testid="api-not-affiliate"]')).toBeNull();
  });

  it('shows "not an affiliate product" as a blocking warning', () => {
    const host = show({ key: 'k', status: 'done', service: 'admitad', reply: { source: 'admitad-api', affiliate: false } });
    const warning = host.querySelector('[data-testid="api-not-affiliate"]');
    expect(warning?.getAttribute('role')).toBe('alert');
    expect(warning?.className).toContain('blocking');
    expect(warning?.textContent).toBe('Earns nothing: Not an affiliate product: Admitad says this link earns no commission.');
  });

  it.each([
    { error: { kind: 'not-registered' as const, message: 'x', code: '401' }, linkFromApi: true, expected: 'AliExpress API: this account is not registered as an affiliate publisher (401). The link above is the plain product link, without your tracking.' },
    { error: { kind: 'timeout' as const, message: 'x' }, linkFromApi: false, expected: 'Admitad API: no answer in time. Showing the local link and estimate.' },
    { error: { kind: 'rate-limited' as const, message: 'x', code: 'local-rate-limit' }, linkFromApi: false, expected: 'Admitad API: too many requests; try again in a moment. Showing the local link and estimate.' },
  ])('says why the API failed in one line: $error.kind', ({ error, linkFromApi, expected }) => {
    const service = linkFromApi ? 'aliexpress' : 'admitad';
    const host = show({ key: 'k', status: 'done', service, reply: { source: linkFromApi ? 'aliexpress-api' : 'admitad-api', error } }, linkFromApi);
    expect(host.querySelector('[data-testid="api-error"]')?.textContent).toBe(expected);
  });

  it('says nothing for an Admitad preset without credentials, and points a Portals preset to the options', () => {
    expect(show({ key: 'k', status: 'done', service: 'admitad', reply: { source: null, reason: 'no-credentials', service: 'admitad' } }).textContent).toBe('');
    expect(show({ key: 'k', status: 'done', service: 'aliexpress', reply: { source: null, reason: 'no-credentials', service: 'aliexpress' } }, true).textContent).toContain('add your API credentials in the options');
  });
});

describe('computeInsights with the API\'s facts', () => {
  it('uses the API\'s hot rate and affiliation in the estimate', () => {
    const parsed = parseProductUrl(CLEAN);
    const data = createEstimateDataReader()({ rateCache: undefined, hotList: undefined, categoryPicks: undefined });
    const base = { parsed, preset: admitadPreset, data, shipToCookie: null, now: new Date('2025-03-01T00:00:00Z') };
    const withApi = computeInsights({ ...base, api: { hot: true, hotRate: 9, affiliate: true } });
    expect(withApi.estimate.best).toBe(9);
    const without = computeInsights(base);
    expect(without.estimate.best).not.toBe(9);
  });
});
