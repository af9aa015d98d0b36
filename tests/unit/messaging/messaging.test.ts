import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter, MessageRejected, type MessageHandlers } from '@/lib/messaging/protocol';
import { createMessenger } from '@/lib/messaging/client';
import { handlersNotUsed } from '../support/message-handlers';

const own = { extensionId: 'sublink-id', extensionOrigin: 'chrome-extension://sublink-id/' };
const ownPage = { id: 'sublink-id', url: 'chrome-extension://sublink-id/popup.html' };
const validData = { surface: 'popup', sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html', presetId: 'p1', link: 'https://x.test/' };

function setup() {
  const linkCopied = vi.fn<MessageHandlers['linkCopied']>(async () => ({ recorded: true }));
  const handlers: MessageHandlers = { ...handlersNotUsed(), linkCopied };
  return { linkCopied, route: createMessageRouter(handlers, own) };
}

describe('message router', () => {
  it('hands parsed data from our own page to the handler and returns its reply', async () => {
    const { route, linkCopied } = setup();
    await expect(route({ type: 'linkCopied', data: validData }, ownPage)).resolves.toEqual({ recorded: true });
    expect(linkCopied).toHaveBeenCalledWith(validData);
  });

  it('passes the product title along with the copy', async () => {
    const { route, linkCopied } = setup();
    const input = { ...validData, title: 'Xiaomi Redmi Note 13 Smartphone' };
    await expect(route({ type: 'linkCopied', data: input }, ownPage)).resolves.toEqual({ recorded: true });
    expect(linkCopied).toHaveBeenCalledWith(input);
  });

  it.each([
    { name: 'another extension', sender: { id: 'other-id', url: 'chrome-extension://other-id/x.html' } },
    { name: 'a web page through externally_connectable', sender: { id: 'sublink-id', url: 'https://www.aliexpress.com/' } },
    { name: 'no sender', sender: {} },
  ])('refuses $name', async ({ sender }) => {
    const { route, linkCopied } = setup();
    await expect(route({ type: 'linkCopied', data: validData }, sender)).rejects.toMatchObject({ reason: 'foreign-sender' });
    expect(linkCopied).not.toHaveBeenCalled();
  });

  it.each([
    { name: 'missing link', data: { ...validData, link: undefined } },
    { name: 'empty link', data: { ...validData, link: '' } },
    { name: 'unknown surface', data: { ...validData, surface: 'web' } },
    { name: 'oversized url', data: { ...validData, sourceUrl: 'x'.repeat(9000) } },
    { name: 'not an object', data: 'linkCopied' },
    { name: 'javascript: link', data: { ...validData, link: 'javascript:alert(1)' } },
    { name: 'data: link', data: { ...validData, link: 'data:text/html,<script>alert(1)</script>' } },
    { name: 'plain http link', data: { ...validData, link: 'http://ad.admitad.com/g/x/' } },
    { name: 'text that is no URL', data: { ...validData, link: 'copy me' } },
    { name: 'oversized preset id', data: { ...validData, presetId: 'p'.repeat(65) } },
    { name: 'oversized title', data: { ...validData, title: 't'.repeat(1201) } },
    { name: 'a title that is not text', data: { ...validData, title: { toString: 'x' } } },
  ])('rejects bad data: $name', async ({ data }) => {
    const { route, linkCopied } = setup();
    const actual = route({ type: 'linkCopied', data }, ownPage);
    await expect(actual).rejects.toBeInstanceOf(MessageRejected);
    await expect(actual).rejects.toMatchObject({ reason: 'bad-data' });
    expect(linkCopied).not.toHaveBeenCalled();
  });

  it('rejects unknown message types, including inherited property names', async () => {
    const { route } = setup();
    await expect(route({ type: 'toString', data: {} }, ownPage)).rejects.toMatchObject({ reason: 'unknown-type' });
    await expect(route({ type: 'deleteEverything', data: {} }, ownPage)).rejects.toMatchObject({ reason: 'unknown-type' });
  });

  it('ignores messages that are not envelopes', () => {
    const { route } = setup();
    expect(route('ping', ownPage)).toBeUndefined();
    expect(route(null, ownPage)).toBeUndefined();
  });

  it('the messenger sends one envelope through the transport', async () => {
    const sendMessage = vi.fn(async () => ({ recorded: true }));
    const actual = await createMessenger({ sendMessage }).send('linkCopied', { surface: 'popup', sourceUrl: '', presetId: null, link: 'https://x.test/' });
    expect(actual).toEqual({ recorded: true });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'linkCopied', data: { surface: 'popup', sourceUrl: '', presetId: null, link: 'https://x.test/' } });
  });
});
