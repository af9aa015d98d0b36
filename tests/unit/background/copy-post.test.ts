/**
 * "Copy as post" from the context menu and the shortcut: the preset's post template around the
 * link the copy built, on the clipboard, with the history entry marked as a post.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  COPY_POST_COMMAND,
  createCopyLinkAction,
  createMenuClickHandler,
  createPostTextMaker,
  createShortcutHandler,
  postFactsOf,
  type CopyLinkDeps,
} from '@/lib/background/copy';
import { createStoredLinkAssessor } from '@/lib/background/badge/estimate';
import { createCopyRecorder } from '@/lib/background/history-writer';
import type { ProductInsightsReply } from '@/lib/api/service';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { renderPostText } from '@/lib/i18n/post';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { memoryHistory } from '../support/memory-history';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
const blog: Preset = {
  id: 'p1',
  name: 'Blog',
  accountId: 'acc1',
  program: 'ww',
  audienceCountry: 'DE',
  subIds: { subid: 'blog' },
  keepSku: false,
  post: { text: '{title} — {price}\n{link}\n{rate} {hot}', disclosure: true },
};
const PRODUCT_URL = 'https://www.aliexpress.com/item/1005006789012345.html';
const LINK = `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent(PRODUCT_URL)}&subid=blog`;
const words = () => ({ language: 'en', hot: 'HOT', disclosure: 'Affiliate link.' });

const apiReply: ProductInsightsReply = {
  source: 'aliexpress-api',
  title: 'USB-C cable 2 m',
  price: { amount: 4.2, currency: 'EUR' },
  rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true },
} as ProductInsightsReply;

function setup({ presets = [blog], productInsights = undefined as ((...args: never[]) => Promise<ProductInsightsReply>) | undefined, postText = true } = {}) {
  const history = memoryHistory([]);
  const clipboard: string[] = [];
  const recorder = createCopyRecorder({
    loadPresets: async () => presets,
    history: history.store,
    now: () => 1_700_000_000_000,
  });
  const assess = createStoredLinkAssessor({ loadStored: async () => ({}), now: () => new Date('2026-06-01T12:00:00Z') });
  const flash = vi.fn<CopyLinkDeps['flash']>(async () => undefined);
  const copy = createCopyLinkAction({
    loadState: async () => ({ accounts: [admitad], presets, settings: DEFAULT_SETTINGS, problems: [] }),
    clipboard: { writeText: async (text) => (clipboard.push(text), { ok: true }) },
    record: recorder.record,
    begin: recorder.begin,
    flash,
    now: () => 0,
    assess,
    ...(postText ? { postText: createPostTextMaker({ assess, ...(productInsights ? { productInsights } : {}), render: renderPostText, words }) } : {}),
  });
  return { copy, clipboard, history, flash };
}

describe('copy as post', () => {
  it('from the menu: the rendered template with the API facts is on the clipboard, the entry marked as a post', async () => {
    const { copy, clipboard, history } = setup({ productInsights: async () => apiReply });
    const onMenuClick = createMenuClickHandler(copy);

    const actual = await onMenuClick({ menuItemId: 'post:link', linkUrl: PRODUCT_URL, pageUrl: 'https://blog.test/' }, { id: 3 });

    const expected = `USB-C cable 2 m — €4.20\n${LINK}\n7% HOT\nAffiliate link.`;
    expect(actual).toMatchObject({ ok: true, link: LINK, post: expected });
    expect(clipboard).toEqual([expected]);
    expect(history.visible()).toEqual([expect.objectContaining({ surface: 'context-menu', link: LINK, as: 'post' })]);
    expect(history.visible()[0]).not.toHaveProperty('pending');
  });

  it('without API facts: no line or separator for the unknown title, price and rate', async () => {
    const { copy, clipboard } = setup();
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 3, format: 'post' });
    expect(clipboard).toHaveLength(1);
    // The stored tables give no single best rate for an unknown category: that line goes too.
    expect(clipboard).toEqual([`${LINK}\nAffiliate link.`]);
  });

  it('the shortcut for posts copies the post of the active tab', async () => {
    const { copy, clipboard, history } = setup({ productInsights: async () => apiReply });
    const onCommand = createShortcutHandler({ copy, activeTab: async () => ({ id: 5, url: PRODUCT_URL }) });
    await onCommand(COPY_POST_COMMAND, undefined);
    expect(clipboard[0]).toContain(`USB-C cable 2 m — €4.20\n${LINK}`);
    expect(history.visible()).toEqual([expect.objectContaining({ surface: 'shortcut', as: 'post' })]);
  });

  it('the plain copy item still copies the link alone, unmarked', async () => {
    const { copy, clipboard, history } = setup({ productInsights: async () => apiReply });
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 3 });
    expect(clipboard).toEqual([LINK]);
    expect(history.visible()[0]).not.toHaveProperty('as');
  });

  it.each([
    { name: 'a template from a hand edit with an unknown placeholder', postText: true, reason: 'unknown-placeholder' },
    { name: 'no post renderer wired', postText: false, reason: 'no post renderer' },
  ])('$name: nothing is copied, the failure is on the badge and in the history', async ({ postText, reason }) => {
    const broken = { ...blog, post: { text: '{titel} {link}', disclosure: true } };
    const { copy, clipboard, history, flash } = setup({ presets: [broken], postText });
    const actual = await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 3, format: 'post' });
    expect(actual).toEqual({ ok: false, failure: 'post-template', reason });
    expect(clipboard).toEqual([]);
    expect(flash).toHaveBeenCalledWith(3, { ok: false, failure: 'post-template' });
    expect(history.visible()).toEqual([expect.objectContaining({ failure: 'post-template', as: 'post', link: LINK })]);
  });

  it('a failed API answer leaves its facts out rather than stopping the post', async () => {
    const { copy, clipboard } = setup({ productInsights: async () => Promise.reject(new Error('timeout')) });
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 3, format: 'post' });
    expect(clipboard[0]).toMatch(/^https:\/\/ad\.admitad\.com\//);
  });
});

describe('postFactsOf', () => {
  const assessment = { estimate: { best: 5, hot: false } } as never;
  it.each([
    { name: 'the API answer wins', reply: apiReply, expected: { link: 'L', title: 'USB-C cable 2 m', price: { amount: 4.2, currency: 'EUR' }, ratePercent: 7, hot: true } },
    {
      name: 'the hot rate with the hot link',
      reply: { ...apiReply, link: { url: 'L', kind: 'hot' } } as ProductInsightsReply,
      expected: { link: 'L', title: 'USB-C cable 2 m', price: { amount: 4.2, currency: 'EUR' }, ratePercent: 9, hot: true },
    },
    { name: 'no API asked: the local estimate', reply: { source: null, reason: 'no-credentials' } as ProductInsightsReply, expected: { link: 'L', title: null, price: null, ratePercent: 5, hot: false } },
    { name: 'no answer at all', reply: null, expected: { link: 'L', title: null, price: null, ratePercent: 5, hot: false } },
  ])('$name', ({ reply, expected }) => {
    expect(postFactsOf('L', assessment, reply)).toEqual(expected);
  });
});
