import { messageSchemas, type MessageHandlers } from '@/lib/messaging/protocol';

/** A handler for every message that rejects: spread it first, then the handlers a test uses. */
export function handlersNotUsed(): MessageHandlers {
  const notUsed = () => Promise.reject(new Error('not used in this test'));
  return Object.fromEntries(Object.keys(messageSchemas).map((type) => [type, notUsed])) as unknown as MessageHandlers;
}
