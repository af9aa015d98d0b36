/**
 * The one protocol between UI pages and the background (docs/architecture.md, 'How to add').
 * Each message is declared once, with a zod schema for its data; the background parses every
 * incoming payload and answers only our own extension pages. Replies never carry secrets
 * (docs/architecture.md, 'Hard rules' 4).
 */
import { z } from 'zod/mini';
import { COPY_SURFACES, HISTORY_LIMIT, MAX_HISTORY_TITLE } from '../storage/history';
import { HOT_LIST_LIMITS } from '../hotlist/parse';
import type { HotImportResult, RateSource, SetRateSourceResult } from '../background/rate-source';
import type { RateCacheStatus } from '../background/rate-cache';
import type { CredentialsCheck, ProductInsightsReply } from '../api/service';
import type { CredentialsView, SaveCredentialsResult } from '../api/credentials';
import type { LinkHealthStart } from '../background/link-health';
import type { SetWeeklyRecheckResult } from '../background/weekly-recheck';
import type { SyncState } from '../storage/sync';
import { LINK_HEALTH_MAX_BATCH_TASKS } from '../storage/link-health';

/** A copied link is https, whoever reports it: never `javascript:`, `data:` or plain http. */
const isHttpsUrl = (text: string): boolean => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

const linkCopiedData = z.object({
  surface: z.enum(COPY_SURFACES),
  sourceUrl: z.string().check(z.maxLength(8192)),
  presetId: z.nullable(z.string().check(z.maxLength(64))),
  link: z.string().check(z.minLength(1), z.maxLength(16384), z.refine(isHttpsUrl, 'expected an https link')),
  /**
   * The product's title, when the page knows it for `sourceUrl` (the popup: the tab's title, as
   * the browser gave it or already trimmed). Bounded here; the history writer trims the site's
   * suffix, cleans it and cuts it to MAX_HISTORY_TITLE (lib/storage/history.ts `historyTitle`), so
   * a longer one loses nothing else.
   */
  title: z.optional(z.string().check(z.maxLength(4 * MAX_HISTORY_TITLE))),
  /** `post`: the preset's ready-to-post text around `link` was copied, not the link alone. */
  as: z.optional(z.literal('post')),
});

/** What a page sends when it copied a link (`linkCopied`); the popup's model builds one. */
export type LinkCopiedData = z.infer<typeof linkCopiedData>;

const empty = z.object({});
/** Entries are read with the history's own schema by the handler; here only the bound. */
const restoreHistoryData = z.object({ entries: z.array(z.unknown()).check(z.maxLength(HISTORY_LIMIT)) });
const setRateSourceData = z.object({
  url: z.nullable(z.string().check(z.maxLength(2048))),
  intervalMinutes: z.number(),
});
const importHotListData = z.object({
  // A hot-products export of the largest size lib/hotlist accepts, as text.
  text: z.string().check(z.maxLength(HOT_LIST_LIMITS.maxChars)),
  label: z.string().check(z.maxLength(200)),
});
const removeHotSourceData = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

const productInsightsData = z.object({
  url: z.string().check(z.minLength(1), z.maxLength(8192)),
  presetId: z.nullable(z.string().check(z.maxLength(64))),
});
/** A batch's product rows to re-check (lib/background/link-health.ts `LinkHealthProduct`), at most the batch's 10,000. */
const linkHealthStartProductsData = z.object({
  products: z
    .array(
      z.object({
        row: z.number().check(z.int(), z.positive()),
        productId: z.string().check(z.regex(/^\d{1,32}$/)),
        link: z.string().check(z.minLength(1), z.maxLength(16384), z.refine(isHttpsUrl, 'expected an https link')),
        presetId: z.nullable(z.string().check(z.maxLength(64))),
      }),
    )
    .check(z.maxLength(LINK_HEALTH_MAX_BATCH_TASKS)),
});
/** The count is checked by the background (lib/background/weekly-recheck.ts), which answers `invalid-count`. */
const setWeeklyRecheckData = z.object({ enabled: z.boolean(), count: z.number() });
const apiServiceData = z.object({ service: z.enum(['aliexpress', 'admitad']) });
/** Bounds only: lib/api/credentials.ts checks each field's format and answers the form with issues. */
const credentialText = z.string().check(z.maxLength(256));
const saveApiCredentialsData = z.discriminatedUnion('service', [
  z.object({ service: z.literal('aliexpress'), appKey: credentialText, appSecret: credentialText, trackingId: credentialText }),
  z.object({ service: z.literal('admitad'), clientId: credentialText, clientSecret: credentialText, websiteId: credentialText, campaignId: credentialText }),
]);

export const messageSchemas = {
  /** A link was put on the clipboard: record it in the history, remember the preset. */
  linkCopied: linkCopiedData,
  /** Options page: empty the history, in the same write queue as the copies being recorded. */
  clearHistory: empty,
  /** Options page: a backup's history entries, added to the history in the copies' write queue. */
  restoreHistory: restoreHistoryData,
  /** Options page: the rate tables in use and the last fetch of the remote one. */
  getRateStatus: empty,
  /** Options page: set (or clear, with null) the remote rate-table URL and its interval; fetches at once. */
  setRateSource: setRateSourceData,
  refreshRates: empty,
  /** Options page: a hot-products export the user picked, as text. */
  importHotList: importHotListData,
  removeHotSource: removeHotSourceData,
  /** Popup: the API's link, exact rate and affiliation for the product under a preset. */
  productInsights: productInsightsData,
  /** Options page: the saved API credentials, secrets masked. The only way a UI page sees them. */
  getApiCredentials: empty,
  /** Options page: new credentials for one API (secrets flow in, never out). */
  saveApiCredentials: saveApiCredentialsData,
  removeApiCredentials: apiServiceData,
  /** Options page: one cheap call with the saved credentials, to say whether they work. */
  checkApiCredentials: apiServiceData,
  /** Options page: re-check the history's links with the API (lib/background/link-health.ts). */
  linkHealthStart: empty,
  /** Options page: re-check the batch converter's product rows, through the same engine as the history's. */
  linkHealthStartProducts: linkHealthStartProductsData,
  /** Options page: stop the running re-check, the history's or the batch's. */
  linkHealthCancel: empty,
  /** Options page, while a re-check runs: continue it if its worker stopped (and keep this one awake). */
  linkHealthResume: empty,
  /** Options page: turn the weekly re-check of the latest links on or off, and how many (lib/background/weekly-recheck.ts). */
  setWeeklyRecheck: setWeeklyRecheckData,
  /** Options page, showing the history's re-check results: the weekly count goes from the toolbar icon. */
  linkHealthSeen: empty,
  /** Options page: turn settings sync on or off (lib/background/sync.ts). */
  setSyncEnabled: z.object({ enabled: z.boolean() }),
} as const;

type RateState = { status: RateCacheStatus; source: RateSource };

export interface ProtocolMap {
  linkCopied: { data: LinkCopiedData; reply: { recorded: boolean } };
  clearHistory: { data: z.infer<typeof empty>; reply: { cleared: boolean } };
  restoreHistory: { data: z.infer<typeof restoreHistoryData>; reply: { restored: boolean } };
  getRateStatus: { data: z.infer<typeof empty>; reply: RateState };
  setRateSource: { data: z.infer<typeof setRateSourceData>; reply: SetRateSourceResult };
  refreshRates: { data: z.infer<typeof empty>; reply: RateState };
  importHotList: { data: z.infer<typeof importHotListData>; reply: HotImportResult };
  removeHotSource: { data: z.infer<typeof removeHotSourceData>; reply: { removed: true } };
  productInsights: { data: z.infer<typeof productInsightsData>; reply: ProductInsightsReply };
  getApiCredentials: { data: z.infer<typeof empty>; reply: CredentialsView };
  saveApiCredentials: { data: z.infer<typeof saveApiCredentialsData>; reply: SaveCredentialsResult };
  removeApiCredentials: { data: z.infer<typeof apiServiceData>; reply: CredentialsView };
  checkApiCredentials: { data: z.infer<typeof apiServiceData>; reply: CredentialsCheck };
  linkHealthStart: { data: z.infer<typeof empty>; reply: LinkHealthStart };
  linkHealthStartProducts: { data: z.infer<typeof linkHealthStartProductsData>; reply: LinkHealthStart };
  linkHealthCancel: { data: z.infer<typeof empty>; reply: { cancelled: true } };
  linkHealthResume: { data: z.infer<typeof empty>; reply: { resumed: true } };
  setWeeklyRecheck: { data: z.infer<typeof setWeeklyRecheckData>; reply: SetWeeklyRecheckResult };
  linkHealthSeen: { data: z.infer<typeof empty>; reply: { cleared: boolean } };
  setSyncEnabled: { data: { enabled: boolean }; reply: { enabled: boolean; lastError: SyncState['lastError'] } | { unavailable: true } };
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = ProtocolMap[K]['data'];
export type MessageReply<K extends MessageType> = ProtocolMap[K]['reply'];

export type MessageHandlers = {
  [K in MessageType]: (data: MessageData<K>) => Promise<MessageReply<K>>;
};

export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
}

/** Why a message was refused; surfaced to the caller as a rejected promise. */
export class MessageRejected extends Error {
  constructor(readonly reason: 'foreign-sender' | 'unknown-type' | 'bad-data', detail = '') {
    super(`message rejected: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/**
 * Builds the `runtime.onMessage` listener. Returns undefined for anything that is not one of
 * our envelopes, so other listeners (none today) keep working.
 */
export function createMessageRouter(handlers: MessageHandlers, own: { readonly extensionId: string; readonly extensionOrigin: string }) {
  return (message: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null || !('type' in message)) return undefined;
    const { type, data } = message as { type: unknown; data: unknown };
    if (sender.id !== own.extensionId || !sender.url?.startsWith(own.extensionOrigin)) {
      return Promise.reject(new MessageRejected('foreign-sender'));
    }
    if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) {
      return Promise.reject(new MessageRejected('unknown-type', String(type)));
    }
    const key = type as MessageType;
    const parsed = messageSchemas[key].safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.reject(new MessageRejected('bad-data', issue ? `${issue.path.join('.')}: ${issue.message}` : ''));
    }
    // `parsed.data` was parsed with `messageSchemas[key]`, so it is the handler's data type;
    // TypeScript cannot follow that correlation through the union of keys.
    return (handlers[key] as (data: unknown) => Promise<unknown>)(parsed.data);
  };
}
