/**
 * The stored API credentials (lib/storage/items.ts `apiCredentialsItem`) and their reader. zod:
 * read by the background and, for a settings export the user asks for, the options page; never
 * by the popup. Kept in `storage.local` only, never in `storage.sync` (docs/architecture.md,
 * 'Hard rules' 4); lib/api/credentials.ts saves them and shows UI pages masked views only.
 */
import { z } from 'zod';
import { PORTALS_APP_KEY, PORTALS_TRACKING_ID } from '../networks/portals';

export interface AliExpressApiCredentials {
  readonly appKey: string;
  readonly appSecret: string;
  /** The default tracking id for Portals links ('' when every Portals account names its own). */
  readonly trackingId: string;
}

export interface AdmitadApiCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The ad space (`w_id`) and the AliExpress program it is connected to (`c_id`). */
  readonly websiteId: string;
  readonly campaignId: string;
}

export interface ApiCredentials {
  readonly aliexpress?: AliExpressApiCredentials;
  readonly admitad?: AdmitadApiCredentials;
}

/**
 * Secrets as the consoles hand them out: printable ASCII without spaces (AliExpress app secrets
 * are 32 hex-like characters, Admitad client secrets 30 letters and digits), bounded generously.
 */
export const SECRET = /^[\x21-\x7e]{1,256}$/;
/** Admitad client ids are 30 letters and digits in the publisher's API settings; any id of word characters is taken. */
export const CLIENT_ID = /^[\w-]{1,128}$/;
/** Ad space and program ids are numbers (`w_id`, `c_id` in the deeplink generator's path). */
export const NUMERIC_ID = /^\d{1,12}$/;

const aliexpressSchema = z.object({
  appKey: z.string().regex(PORTALS_APP_KEY),
  appSecret: z.string().regex(SECRET),
  trackingId: z.union([z.literal(''), z.string().regex(PORTALS_TRACKING_ID)]),
});
const admitadSchema = z.object({
  clientId: z.string().regex(CLIENT_ID),
  clientSecret: z.string().regex(SECRET),
  websiteId: z.string().regex(NUMERIC_ID),
  campaignId: z.string().regex(NUMERIC_ID),
});

/** Each service is read on its own: a damaged entry for one must not hide the other. */
export function parseStoredCredentials(raw: unknown): ApiCredentials {
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const aliexpress = aliexpressSchema.safeParse(record['aliexpress']);
  const admitad = admitadSchema.safeParse(record['admitad']);
  return { ...(aliexpress.success ? { aliexpress: aliexpress.data } : {}), ...(admitad.success ? { admitad: admitad.data } : {}) };
}

const MASK = '••••';

/** `••••abcd`: the last four characters of a secret long enough to keep most of it hidden; only dots otherwise. */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `${MASK}${secret.slice(-4)}` : MASK;
}

/** The options form's input. An empty secret keeps the saved one, so editing an id needs no retyping. */
export type CredentialsInput =
  | { readonly service: 'aliexpress'; readonly appKey: string; readonly appSecret: string; readonly trackingId: string }
  | { readonly service: 'admitad'; readonly clientId: string; readonly clientSecret: string; readonly websiteId: string; readonly campaignId: string };

export type CredentialsFieldCode = 'required' | 'badFormat';
export interface CredentialsIssue {
  readonly field: string;
  readonly code: CredentialsFieldCode;
}

/** One field of the credentials form against its format; an empty optional field passes. */
export function checkCredentialField(field: string, value: string, pattern: RegExp, optional = false): CredentialsIssue[] {
  if (value === '') return optional ? [] : [{ field, code: 'required' }];
  return pattern.test(value) ? [] : [{ field, code: 'badFormat' }];
}

/**
 * The options form's own check before it asks for host access: the same rules, with `hasSaved`
 * standing for a secret already stored (the form only knows it masked).
 */
export function credentialsInputIssues(input: CredentialsInput, hasSaved: { readonly secret: boolean }): CredentialsIssue[] {
  if (input.service === 'aliexpress') {
    const secret = input.appSecret.trim();
    return [
      ...checkCredentialField('appKey', input.appKey.trim(), PORTALS_APP_KEY),
      ...checkCredentialField('appSecret', secret, SECRET, hasSaved.secret),
      ...checkCredentialField('trackingId', input.trackingId.trim(), PORTALS_TRACKING_ID, true),
    ];
  }
  return [
    ...checkCredentialField('clientId', input.clientId.trim(), CLIENT_ID),
    ...checkCredentialField('clientSecret', input.clientSecret.trim(), SECRET, hasSaved.secret),
    ...checkCredentialField('websiteId', input.websiteId.trim(), NUMERIC_ID),
    ...checkCredentialField('campaignId', input.campaignId.trim(), NUMERIC_ID),
  ];
}
