/**
 * API credentials: the AliExpress Open Platform app (key, secret, default tracking id) and the
 * Admitad API client (id, secret, ad space, program). Background only (docs/architecture.md, 'Hard rules' 4):
 * kept in `storage.local` under one key, never in `storage.sync`; UI pages send new values in
 * and get back only `CredentialsView`s, where every secret is masked to its last four characters.
 * Nothing here logs, and no message built here contains a secret.
 */
import { toSaveError } from '../storage/local';
import { PORTALS_APP_KEY, PORTALS_TRACKING_ID } from '../networks/portals';
import { storedEntries, storedValueOf } from '../storage/item';
import { apiCredentialsItem } from '../storage/items';
import { checkCredentialField as check, CLIENT_ID, maskSecret, NUMERIC_ID, parseStoredCredentials, SECRET, type ApiCredentials, type CredentialsInput, type CredentialsIssue } from '../storage/api-credentials';
import { createSerial } from '../async/serial';

export {
  credentialsInputIssues,
  maskSecret,
  parseStoredCredentials,
  type AdmitadApiCredentials,
  type AliExpressApiCredentials,
  type ApiCredentials,
  type CredentialsFieldCode,
  type CredentialsInput,
  type CredentialsIssue,
} from '../storage/api-credentials';

export const API_SERVICES = ['aliexpress', 'admitad'] as const;
export type ApiService = (typeof API_SERVICES)[number];

/** What a UI page may see: public identifiers as they are, secrets masked. */
export interface CredentialsView {
  readonly aliexpress: { readonly appKey: string; readonly appSecret: string; readonly trackingId: string } | null;
  readonly admitad: { readonly clientId: string; readonly clientSecret: string; readonly websiteId: string; readonly campaignId: string } | null;
}

export type SaveCredentialsResult =
  | { readonly ok: true; readonly view: CredentialsView }
  | { readonly ok: false; readonly issues: readonly CredentialsIssue[] }
  | { readonly ok: false; readonly storageFailed: true; readonly storageFull?: true };

export function credentialsView(credentials: ApiCredentials): CredentialsView {
  const { aliexpress, admitad } = credentials;
  return {
    aliexpress: aliexpress ? { appKey: aliexpress.appKey, appSecret: maskSecret(aliexpress.appSecret), trackingId: aliexpress.trackingId } : null,
    // "The client identifier is not a secret" (RFC 6749, 2.2): shown like the app key.
    admitad: admitad ? { clientId: admitad.clientId, clientSecret: maskSecret(admitad.clientSecret), websiteId: admitad.websiteId, campaignId: admitad.campaignId } : null,
  };
}

/** Every secret in the credentials, for redaction (lib/api/result.ts `redactSecrets`). */
export function secretsOf(credentials: ApiCredentials): string[] {
  return [credentials.aliexpress?.appSecret, credentials.admitad?.clientSecret].filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * The credentials to store for `input`, or the form's issues. Values are trimmed (pasted keys
 * often carry a space); an empty secret keeps the saved one, or is required when there is none.
 */
export function mergeCredentialsInput(current: ApiCredentials, input: CredentialsInput): { ok: true; next: ApiCredentials } | { ok: false; issues: CredentialsIssue[] } {
  if (input.service === 'aliexpress') {
    const appKey = input.appKey.trim();
    const trackingId = input.trackingId.trim();
    const appSecret = input.appSecret.trim() || (current.aliexpress?.appKey === appKey ? current.aliexpress.appSecret : '');
    const issues = [...check('appKey', appKey, PORTALS_APP_KEY), ...check('appSecret', appSecret, SECRET), ...check('trackingId', trackingId, PORTALS_TRACKING_ID, true)];
    return issues.length > 0 ? { ok: false, issues } : { ok: true, next: { ...current, aliexpress: { appKey, appSecret, trackingId } } };
  }
  const clientId = input.clientId.trim();
  const websiteId = input.websiteId.trim();
  const campaignId = input.campaignId.trim();
  const clientSecret = input.clientSecret.trim() || (current.admitad?.clientId === clientId ? current.admitad.clientSecret : '');
  const issues = [
    ...check('clientId', clientId, CLIENT_ID),
    ...check('clientSecret', clientSecret, SECRET),
    ...check('websiteId', websiteId, NUMERIC_ID),
    ...check('campaignId', campaignId, NUMERIC_ID),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, next: { ...current, admitad: { clientId, clientSecret, websiteId, campaignId } } };
}

/** `storage.local`, as much of it as this needs (lib/storage/area.ts `localArea`). */
export interface CredentialsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface CredentialsStore {
  load(): Promise<ApiCredentials>;
  view(): Promise<CredentialsView>;
  save(input: CredentialsInput): Promise<SaveCredentialsResult>;
  remove(service: ApiService): Promise<CredentialsView>;
}

export function createCredentialsStore(area: CredentialsArea): CredentialsStore {
  // Writes go one after another: two quick saves (AliExpress, then Admitad) must not drop one.
  const serial = createSerial();
  const item = apiCredentialsItem;
  const load = async (): Promise<ApiCredentials> => parseStoredCredentials(storedValueOf(item, await area.get([...item.readKeys])));
  const store = async (next: ApiCredentials): Promise<void> => {
    if (!next.aliexpress && !next.admitad) await area.remove([...item.readKeys]);
    else await area.set(storedEntries(item, { v: 1, ...next }));
  };

  return {
    load,
    view: async () => credentialsView(await load()),
    save: (input) =>
      serial(async () => {
        const merged = mergeCredentialsInput(await load(), input);
        if (!merged.ok) return { ok: false, issues: merged.issues };
        try {
          await store(merged.next);
        } catch (error) {
          // The browser's error text is not passed on: it could quote the value it refused. Only
          // whether storage is full, which the page says in words.
          return toSaveError(error).kind === 'quota' ? { ok: false, storageFailed: true, storageFull: true } : { ok: false, storageFailed: true };
        }
        return { ok: true, view: credentialsView(merged.next) };
      }),
    remove: (service) =>
      serial(async () => {
        const current = await load();
        const next: ApiCredentials = service === 'aliexpress' ? (current.admitad ? { admitad: current.admitad } : {}) : current.aliexpress ? { aliexpress: current.aliexpress } : {};
        await store(next);
        return credentialsView(next);
      }),
  };
}
