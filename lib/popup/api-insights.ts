/**
 * The popup's API answers, in the lazily loaded part: after the local link and estimate
 * are on screen, ask the background (`productInsights`) and keep its answer for the preset and
 * URL it was asked for. The background holds the credentials and the clients; the popup only
 * ever sees results (docs/architecture.md, 'Hard rules' 4).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ApiService } from '../api/credentials';
import type { ProductInsightsReply, ProductInsightsRequest } from '../api/service';
import type { Account } from '../networks/types';

export type ApiInsightsState =
  | { readonly key: string; readonly status: 'idle' }
  | { readonly key: string; readonly status: 'loading'; readonly service: ApiService }
  | { readonly key: string; readonly status: 'done'; readonly service: ApiService; readonly reply: ProductInsightsReply };

/** The API a preset's account has (Portals: the AliExpress Open Platform), or null for none. */
export function apiServiceOf(account: Account | undefined): ApiService | null {
  if (account?.network === 'portals') return 'aliexpress';
  return account?.network === 'admitad' ? 'admitad' : null;
}

export interface ApiInsightsDeps {
  ask(request: ProductInsightsRequest): Promise<ProductInsightsReply>;
}

export interface ApiInsights {
  readonly state: ReadonlySignal<ApiInsightsState>;
  /** Asks for `request` under `key`; an answer that arrives after another request began is dropped. */
  load(key: string, request: ProductInsightsRequest, service: ApiService): Promise<ProductInsightsReply | null>;
}

const SOURCES = { aliexpress: 'aliexpress-api', admitad: 'admitad-api' } as const;

export function createApiInsights(deps: ApiInsightsDeps): ApiInsights {
  const state = signal<ApiInsightsState>({ key: '', status: 'idle' });
  return {
    state,
    async load(key, request, service) {
      state.value = { key, status: 'loading', service };
      let reply: ProductInsightsReply;
      try {
        reply = await deps.ask(request);
      } catch {
        // The worker refused or never answered: say so in the same one line as an API failure.
        reply = { source: SOURCES[service], error: { kind: 'network', message: 'the background did not answer', code: 'no-answer' } };
      }
      if (state.value.key !== key) return null;
      state.value = { key, status: 'done', service, reply };
      return reply;
    },
  };
}
