/**
 * The UI side of lib/messaging/protocol.ts. Separate so that UI pages import only the protocol's types,
 * not the zod schemas the background parses with (the popup has a 20 KB gzip budget).
 */
import type { MessageData, MessageReply, MessageType } from './protocol';

/** What the UI side needs from the runtime: injected so tests need no browser. */
export interface MessageTransport {
  sendMessage(message: unknown): Promise<unknown>;
}

export function createMessenger(transport: MessageTransport) {
  return {
    send<K extends MessageType>(type: K, data: MessageData<K>): Promise<MessageReply<K>> {
      return transport.sendMessage({ type, data }) as Promise<MessageReply<K>>;
    },
  };
}
