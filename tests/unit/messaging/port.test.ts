/**
 * UI pages message the background over one port per message (lib/messaging/client.ts,
 * lib/messaging/port.ts). A page that closes with a message in flight must leave nothing pending
 * in the browser and nothing thrown in the background.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMessenger, createPortTransport, type ConnectingRuntime, type MessagePort } from '@/lib/messaging/client';
import { createPortAnswerer, MESSAGE_PORT_NAME, type AnsweringPort } from '@/lib/messaging/port';
import { createMessageRouter, type MessageHandlers } from '@/lib/messaging/protocol';
import { handlersNotUsed } from '../support/message-handlers';

const own = { extensionId: 'sublink-id', extensionOrigin: 'moz-extension://sublink-uuid/' };
const ownPage = { id: 'sublink-id', url: 'moz-extension://sublink-uuid/popup.html' };
const copied = { surface: 'popup', sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html', presetId: 'p1', link: 'https://x.test/' } as const;

type Listener<T extends unknown[]> = (...args: T) => void;
const event = <T extends unknown[]>() => {
  const listeners: Listener<T>[] = [];
  return { addListener: (listener: Listener<T>) => void listeners.push(listener), fire: (...args: T) => listeners.forEach((listener) => listener(...args)) };
};

/** Two linked port ends, as `runtime.connect` gives the page and `onConnect` the background; async like the real ones. */
function connectedRuntime(sender: { id?: string; url?: string }, onConnect: (port: AnsweringPort) => void) {
  let open = true;
  const pageMessages = event<[unknown]>();
  const pageDisconnect = event<[]>();
  const backgroundMessages = event<[unknown]>();
  const posted: unknown[] = [];
  const runtime: ConnectingRuntime & { closePage(): void; posted: unknown[] } = {
    posted,
    closePage() {
      open = false;
    },
    connect({ name }) {
      const backgroundEnd: AnsweringPort = {
        name,
        sender,
        onMessage: backgroundMessages,
        postMessage(message) {
          if (!open) throw new Error('Attempt to postMessage on disconnected port');
          posted.push(message);
          queueMicrotask(() => pageMessages.fire(message));
        },
      };
      onConnect(backgroundEnd);
      const pageEnd: MessagePort = {
        onMessage: pageMessages,
        onDisconnect: pageDisconnect,
        postMessage: (message) => queueMicrotask(() => open && backgroundMessages.fire(message)),
        disconnect: () => {
          open = false;
        },
      };
      return pageEnd;
    },
  };
  return { runtime, disconnectFromBackground: () => pageDisconnect.fire() };
}

function setup(sender = ownPage, linkCopied: MessageHandlers['linkCopied'] = async () => ({ recorded: true })) {
  const handler = vi.fn(linkCopied);
  const answerPort = createPortAnswerer(createMessageRouter({ ...handlersNotUsed(), linkCopied: handler }, own));
  const { runtime, disconnectFromBackground } = connectedRuntime(sender, answerPort);
  return { handler, runtime, disconnectFromBackground, messenger: createMessenger(createPortTransport(runtime)) };
}

describe('messages over a port', () => {
  it('delivers the handler’s reply to the page', async () => {
    const { messenger, handler } = setup();
    await expect(messenger.send('linkCopied', copied)).resolves.toEqual({ recorded: true });
    expect(handler).toHaveBeenCalledWith(copied);
  });

  it.each([
    { name: 'a foreign sender', sender: { id: 'other', url: 'moz-extension://other/x.html' }, expected: 'message rejected: foreign-sender' },
    { name: 'our own page', sender: ownPage, expected: 'disk full' },
  ])('rejects with the background’s reason for $name', async ({ sender, expected }) => {
    const { messenger } = setup(sender, async () => {
      throw new Error('disk full');
    });
    await expect(messenger.send('linkCopied', copied)).rejects.toThrow(expected);
  });

  it('rejects, with a reason, when the background closes the port without an answer', async () => {
    const { messenger, disconnectFromBackground } = setup(ownPage, () => new Promise(() => undefined));
    const sent = messenger.send('linkCopied', copied);
    disconnectFromBackground();
    await expect(sent).rejects.toThrow('the background closed the message port without an answer');
  });

  it('a page closed before the answer: the background still handles it, and its answer goes nowhere, quietly', async () => {
    let finish: (reply: { recorded: boolean }) => void = () => undefined;
    const { messenger, runtime, handler } = setup(ownPage, () => new Promise((resolve) => (finish = resolve)));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      void messenger.send('linkCopied', copied);
      await vi.waitFor(() => expect(handler).toHaveBeenCalled());
      runtime.closePage();
      finish({ recorded: true });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(runtime.posted).toEqual([]);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('leaves ports that are not ours alone', () => {
    const onMessage = { addListener: vi.fn() };
    createPortAnswerer(() => undefined)({ name: 'someone-else', postMessage: vi.fn(), onMessage });
    expect(onMessage.addListener).not.toHaveBeenCalled();
    expect(MESSAGE_PORT_NAME).toBe('sublink-message');
  });
});
