/**
 * The port form of the message protocol (lib/messaging/client.ts says why UI pages use ports):
 * one port per message, named `MESSAGE_PORT_NAME`; the page posts the envelope, the background
 * posts one `PortAnswer` back. Import-free of zod: the popup loads the client side.
 */
import type { SenderInfo } from './protocol';

export const MESSAGE_PORT_NAME = 'sublink-message';

export type PortAnswer = { readonly ok: true; readonly reply: unknown } | { readonly ok: false; readonly error: string };

/** The part of a `runtime.Port` the background side uses. */
export interface AnsweringPort {
  readonly name: string;
  readonly sender?: SenderInfo;
  postMessage(message: unknown): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
}

/**
 * Builds the `runtime.onConnect` listener: every message on one of our ports goes through `route`
 * (the router of lib/messaging/protocol.ts, sender checks included, with the port's sender) and
 * its answer or refusal is posted back. A page that closed before the answer is not an error:
 * the answer has no one to go to, and posting to the closed port throws, which is dropped here.
 */
export function createPortAnswerer(route: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined) {
  return (port: AnsweringPort): void => {
    if (port.name !== MESSAGE_PORT_NAME) return;
    port.onMessage.addListener((message) => {
      const post = (answer: PortAnswer) => {
        try {
          port.postMessage(answer);
        } catch {
          // The page is gone.
        }
      };
      const answer = route(message, port.sender ?? {});
      if (!answer) {
        post({ ok: false, error: 'not a Sublink message' });
        return;
      }
      answer.then(
        (reply) => post({ ok: true, reply }),
        (error: unknown) => post({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  };
}
