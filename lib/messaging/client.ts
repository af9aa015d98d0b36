/**
 * The UI side of lib/messaging/protocol.ts. Separate so that UI pages import only the protocol's types,
 * not the zod schemas the background parses with (the popup has a 15 KB gzip budget).
 *
 * Messages travel over a port (`runtime.connect`), one port per message, not `runtime.sendMessage`:
 * a page that closes while `sendMessage` waits for its answer leaves a promise Firefox rejects
 * after the page is gone, and reports as an error ("Promise rejected after context unloaded").
 * A port has no pending promise in the browser: when the page unloads, the port just disconnects.
 */
import type { MessageData, MessageReply, MessageType } from './protocol';
import { MESSAGE_PORT_NAME, type PortAnswer } from './port';

/** What the UI side needs to send one message and get its answer: injected so tests need no browser. */
export interface MessageTransport {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of a `runtime.Port` the client uses. */
export interface MessagePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export interface ConnectingRuntime {
  connect(info: { name: string }): MessagePort;
}

/**
 * Sends each message on its own port and resolves with the background's answer. A port that
 * disconnects before answering (the background refused or died) rejects with a reason; a page
 * that unloads meanwhile takes its own promise with it, and nothing is reported.
 */
export function createPortTransport(runtime: ConnectingRuntime): MessageTransport {
  return {
    sendMessage: (message) =>
      new Promise((resolve, reject) => {
        const port = runtime.connect({ name: MESSAGE_PORT_NAME });
        let settled = false;
        port.onMessage.addListener((raw) => {
          if (settled) return;
          settled = true;
          port.disconnect();
          const answer = raw as PortAnswer;
          if (answer?.ok === true) resolve(answer.reply);
          else reject(new Error(answer?.ok === false ? answer.error : 'the background sent no answer'));
        });
        port.onDisconnect.addListener(() => {
          if (settled) return;
          settled = true;
          reject(new Error('the background closed the message port without an answer'));
        });
        port.postMessage(message);
      }),
  };
}

export function createMessenger(transport: MessageTransport) {
  return {
    send<K extends MessageType>(type: K, data: MessageData<K>): Promise<MessageReply<K>> {
      return transport.sendMessage({ type, data }) as Promise<MessageReply<K>>;
    },
  };
}
