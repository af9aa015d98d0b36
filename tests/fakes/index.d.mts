// Types for tests/fakes/index.mjs (plain ESM so that node scripts can start the fakes too).

export type GarbageMode = 'slow' | 'invalid-json' | 'html' | 'truncated' | 'connection-reset' | 'http-500' | 'empty';

export type AliExpressMode =
  | 'ok'
  | 'not-registered'
  | 'resp-error'
  | 'signature-error'
  | 'app-key-error'
  | 'rate-limited'
  | 'top-error'
  | 'top-level-error'
  | 'wrong-shape'
  | 'echo-secret'
  | GarbageMode;

export type AdmitadMode =
  | 'ok'
  | 'not-affiliate'
  | 'invalid-client'
  | 'invalid-token'
  | 'insufficient-scope'
  | 'rate-limited'
  | 'wrong-shape'
  | 'echo-secret'
  | GarbageMode;

/** A mode, or a mode with the delay `slow` waits before answering (10 s by default). */
export type Behaviour<M extends string> = M | { readonly mode: M; readonly delayMs?: number };

export interface FakeProduct {
  readonly title: string;
  readonly affiliate: boolean;
  /** As the API writes it, e.g. "7.0%". */
  readonly commissionRate: string;
  readonly hotCommissionRate: string;
  readonly firstLevelCategory: { readonly id: string; readonly name: string };
  readonly secondLevelCategory?: { readonly id: string; readonly name: string };
  readonly salePrice: string;
  readonly currency: string;
}

export interface FakeServerOptions {
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly host?: string;
  /** true: HTTPS with tests/fixtures/tls; or your own key and certificate. */
  readonly tls?: boolean | { readonly key: string | Buffer; readonly cert: string | Buffer };
  readonly products?: Readonly<Record<string, FakeProduct>>;
  /** The fake's clock (ms since the epoch): timestamp window, token expiry. */
  readonly now?: () => number;
}

interface FakeServer<M extends string, R> {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (or https). */
  readonly origin: string;
  /** The API's base URL: `${origin}/sync` for AliExpress, the origin for Admitad. */
  readonly url: string;
  readonly behaviour: { readonly mode: M; readonly delayMs?: number };
  /** Switches behaviour at once (also over HTTP: POST /__fake__/behaviour {"mode": …}). */
  setBehaviour(next: Behaviour<M>): void;
  /** Every API request received, oldest first (also GET /__fake__/requests). */
  readonly requests: R[];
  clearRequests(): void;
  close(): Promise<void>;
}

export interface AliExpressRequestRecord {
  /** The API name from the `method` parameter. */
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly at: number;
  readonly behaviour: AliExpressMode;
  /** 'ok', or the gateway error code the request was refused with before any API ran. */
  verdict?: string;
}

export interface AdmitadRequestRecord {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
  readonly at: number;
  readonly behaviour: AdmitadMode;
  status?: number;
}

export type FakeAliExpressApi = FakeServer<AliExpressMode, AliExpressRequestRecord>;
export type FakeAdmitadApi = FakeServer<AdmitadMode, AdmitadRequestRecord> & { revokeTokens(): void };

export declare const ALIEXPRESS_MODES: readonly AliExpressMode[];
export declare const ADMITAD_MODES: readonly AdmitadMode[];
export declare const ADMITAD_KNOWN_SCOPES: readonly string[];
export declare const FAKE_PRODUCTS: Readonly<Record<string, FakeProduct>>;
export declare const FAKE_ALIEXPRESS_CREDENTIALS: { readonly appKey: string; readonly appSecret: string };
export declare const FAKE_ADMITAD_CREDENTIALS: { readonly clientId: string; readonly clientSecret: string };
export declare const FAKE_ADMITAD_WEBSITE_ID: string;
export declare const FAKE_ADMITAD_CAMPAIGN_ID: string;
export declare const FAKE_API_HOSTS: { readonly aliexpress: string; readonly admitad: string };

export declare function startFakeAliExpressApi(
  options?: FakeServerOptions & { readonly appKey?: string; readonly appSecret?: string; readonly behaviour?: Behaviour<AliExpressMode> },
): Promise<FakeAliExpressApi>;

export declare function startFakeAdmitadApi(
  options?: FakeServerOptions & {
    readonly clientId?: string;
    readonly clientSecret?: string;
    readonly behaviour?: Behaviour<AdmitadMode>;
    /** `expires_in` of issued tokens; 604800 (a week) as in the documentation's example. */
    readonly tokenLifetimeSeconds?: number;
  },
): Promise<FakeAdmitadApi>;

/** The gateway's signing string and expected `sign`, computed independently with node:crypto. */
export declare function signingString(params: Readonly<Record<string, string>>): string;
export declare function expectedSign(params: Readonly<Record<string, string>>, secret: string): string | undefined;
export declare function parseGatewayTimestamp(text: string): number;
export declare function promotionLink(source: string, trackingId: string, type: 'normal' | 'hot'): string;
export declare function isFakeAffiliateProduct(url: string, products?: Readonly<Record<string, FakeProduct>>): boolean;
export declare function productIdOf(url: string): string | undefined;
