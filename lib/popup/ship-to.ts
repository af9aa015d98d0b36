/**
 * Reading the AliExpress ship-to country (the `region=` of the `aep_usuc_f` cookie) only after
 * the user allowed it: an optional permission asked for with one click in the popup or in the
 * options page. Reading never writes (docs/architecture.md, 'Hard rules' 1).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Site } from '../url/types';
import { SHIP_TO_COOKIE, SHIP_TO_PERMISSIONS } from '../rules';

export { SHIP_TO_PERMISSIONS } from '../rules';


const SITE_URL: Record<Site, string> = {
  com: 'https://www.aliexpress.com/',
  ru: 'https://aliexpress.ru/',
  us: 'https://www.aliexpress.us/',
};

export interface ShipToApi {
  permissions: {
    contains(request: typeof SHIP_TO_PERMISSIONS): Promise<boolean>;
    request(request: typeof SHIP_TO_PERMISSIONS): Promise<boolean>;
  };
  cookies: { get(details: { url: string; name: string }): Promise<{ value: string } | null | undefined> };
}

export type ShipToAccess = 'checking' | 'not-allowed' | 'denied' | 'allowed';

export interface ShipToReader {
  readonly access: ReadonlySignal<ShipToAccess>;
  readonly cookieValue: ReadonlySignal<string | null>;
  /** Reads the cookie if the permission is already there; asks nothing. */
  check(site: Site): Promise<void>;
  /** Asks for the permission (must run in a click), then reads. */
  request(site: Site): Promise<void>;
}

export function createShipToReader(api: () => Promise<ShipToApi>): ShipToReader {
  const access = signal<ShipToAccess>('checking');
  const cookieValue = signal<string | null>(null);

  async function read(site: Site, granted: Promise<boolean>) {
    try {
      const resolved = await api();
      if (!(await granted)) return;
      access.value = 'allowed';
      const cookie = await resolved.cookies.get({ url: SITE_URL[site], name: SHIP_TO_COOKIE });
      cookieValue.value = cookie?.value ?? null;
    } catch {
      // No cookie API (or it failed): the ship-to country stays as the site suggests.
    }
  }

  return {
    access,
    cookieValue,
    async check(site) {
      const granted = api().then((a) => a.permissions.contains(SHIP_TO_PERMISSIONS)).catch(() => false);
      if (!(await granted)) access.value = 'not-allowed';
      await read(site, granted);
    },
    async request(site) {
      const granted = api().then((a) => a.permissions.request(SHIP_TO_PERMISSIONS)).catch(() => false);
      if (!(await granted)) access.value = 'denied';
      await read(site, granted);
    },
  };
}
