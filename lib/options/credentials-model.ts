/**
 * The options page's API credentials section as a small signals model. The page
 * never reads the stored credentials: it sends new values to the background and shows the masked
 * view it gets back (docs/architecture.md, 'Hard rules' 4). Saving asks for the API's host first, inside the
 * click, since browsers grant optional permissions only from a user action.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { CredentialsCheck } from '../api/service';
import { API_HOST_PERMISSIONS } from '../api/hosts';
import type { ApiService, CredentialsView, SaveCredentialsResult } from '../api/credentials';
import { credentialsInputIssues, type CredentialsInput, type CredentialsIssue } from '../storage/api-credentials';

/** The page passes it on Firefox only (see `CredentialsModelDeps.dataCollection`). */
export { API_DATA_COLLECTION } from '../api/hosts';

export interface CredentialsModelDeps {
  view(): Promise<CredentialsView>;
  save(input: CredentialsInput): Promise<SaveCredentialsResult>;
  remove(service: ApiService): Promise<CredentialsView>;
  check(service: ApiService): Promise<CredentialsCheck>;
  permissions: {
    contains(request: { origins: string[] }): Promise<boolean>;
    request(request: { origins: string[]; data_collection?: string[] }): Promise<boolean>;
    remove(request: { origins: string[]; data_collection?: string[] }): Promise<boolean>;
  };
  /**
   * Firefox's data-collection consent for what the API feature sends (API_DATA_COLLECTION), asked
   * for in the same request as the hosts; empty where the browser has no such permission (Chrome
   * rejects a request that names it).
   */
  dataCollection?: readonly string[];
}

/** What the section says under one service's form after the last action. */
export type CredentialsStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'issues'; readonly issues: readonly CredentialsIssue[] }
  | { readonly kind: 'saved'; readonly access: boolean }
  | { readonly kind: 'storage-failed'; readonly full: boolean }
  | { readonly kind: 'removed' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'checked'; readonly result: CredentialsCheck }
  | { readonly kind: 'failed' };

type PerService<T> = { readonly [S in ApiService]: T };

export interface CredentialsModel {
  readonly view: ReadonlySignal<CredentialsView | null>;
  readonly access: ReadonlySignal<PerService<boolean>>;
  readonly status: ReadonlySignal<PerService<CredentialsStatus>>;
  readonly busy: ReadonlySignal<boolean>;
  load(): Promise<void>;
  /** Call straight from the click: the host request is its first step. Checks the credentials once saved with access. */
  save(input: CredentialsInput): Promise<void>;
  remove(service: ApiService): Promise<void>;
  check(service: ApiService): Promise<void>;
}

const origins = (service: ApiService): string[] => [...API_HOST_PERMISSIONS[service]];
const withConsent = (request: { origins: string[] }, dataCollection: readonly string[] = []) =>
  dataCollection.length > 0 ? { ...request, data_collection: [...dataCollection] } : request;

/** The host a service's requests go to (`api-sg.aliexpress.com`), as the section names it. */
export const apiHostName = (service: ApiService): string => new URL(API_HOST_PERMISSIONS[service][0].replace('/*', '/')).host;

export function createCredentialsModel(deps: CredentialsModelDeps): CredentialsModel {
  const view = signal<CredentialsView | null>(null);
  const access = signal<PerService<boolean>>({ aliexpress: false, admitad: false });
  const status = signal<PerService<CredentialsStatus>>({ aliexpress: { kind: 'idle' }, admitad: { kind: 'idle' } });
  const busy = signal(false);
  const setStatus = (service: ApiService, next: CredentialsStatus) => {
    status.value = { ...status.value, [service]: next };
  };

  async function check(service: ApiService): Promise<void> {
    setStatus(service, { kind: 'checking' });
    const result = await deps.check(service).catch((): CredentialsCheck => ({ ok: false, error: { kind: 'network', message: 'the background did not answer', code: 'no-answer' } }));
    setStatus(service, { kind: 'checked', result });
  }

  return {
    view,
    access,
    status,
    busy,

    async load() {
      const [current, aliexpress, admitad] = await Promise.all([
        deps.view().catch(() => null),
        deps.permissions.contains({ origins: origins('aliexpress') }).catch(() => false),
        deps.permissions.contains({ origins: origins('admitad') }).catch(() => false),
      ]);
      view.value = current;
      access.value = { aliexpress, admitad };
    },

    async save(input) {
      const { service } = input;
      const saved = service === 'aliexpress' ? view.value?.aliexpress : view.value?.admitad;
      // A saved secret is kept only for the same app key or client id (lib/api/credentials.ts).
      const sameApp = input.service === 'aliexpress' ? view.value?.aliexpress?.appKey === input.appKey.trim() : view.value?.admitad?.clientId === input.clientId.trim();
      const issues = credentialsInputIssues(input, { secret: Boolean(saved) && sameApp });
      if (issues.length > 0) {
        setStatus(service, { kind: 'issues', issues });
        return;
      }
      // Before anything is awaited, so it runs inside the click: permissions are asked for when the
      // feature is turned on (docs/architecture.md, 'Hard rules' 4).
      const granted = deps.permissions.request(withConsent({ origins: origins(service) }, deps.dataCollection)).catch(() => false);
      busy.value = true;
      try {
        const result = await deps.save(input);
        const allowed = await granted;
        access.value = { ...access.value, [service]: allowed };
        if (!result.ok) {
          setStatus(service, 'issues' in result ? { kind: 'issues', issues: result.issues } : { kind: 'storage-failed', full: result.storageFull === true });
          return;
        }
        view.value = result.view;
        setStatus(service, { kind: 'saved', access: allowed });
        if (allowed) await check(service);
      } catch {
        setStatus(service, { kind: 'failed' });
      } finally {
        busy.value = false;
      }
    },

    async remove(service) {
      busy.value = true;
      try {
        view.value = await deps.remove(service);
        setStatus(service, { kind: 'removed' });
        // Nothing is sent there any more: give the access back (best effort).
        // The data-collection consent stays while the other service still has credentials.
        const otherSaved = service === 'aliexpress' ? view.value?.admitad : view.value?.aliexpress;
        const consent = otherSaved ? [] : deps.dataCollection;
        if (await deps.permissions.remove(withConsent({ origins: origins(service) }, consent)).catch(() => false)) access.value = { ...access.value, [service]: false };
      } catch {
        setStatus(service, { kind: 'failed' });
      } finally {
        busy.value = false;
      }
    },

    check,
  };
}
