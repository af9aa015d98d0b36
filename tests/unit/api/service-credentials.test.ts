// API credentials: one storage.local key, masked views, keeping a saved secret when the
// form leaves it empty, and the options page's model asking for host access from the click.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCredentialsStore, credentialsView, maskSecret, mergeCredentialsInput, parseStoredCredentials, type CredentialsInput } from '../../../lib/api/credentials';
import { createCredentialsModel, type CredentialsModelDeps } from '../../../lib/options/credentials-model';
import { API_DATA_COLLECTION } from '../../../lib/api/hosts';
import popupPreloadScript from '../../../entrypoints/popup-preload';
import { takePopupPreload } from '../../../lib/popup/preload';
import { API_CREDENTIALS_KEY } from '../../../lib/storage/keys';

const aliexpress = { appKey: '500123', appSecret: 'fake-ae-secret-7f3a9c2e51d84b06', trackingId: 'blog_main' };
const admitad = { clientId: 'fakeclientid0123456789abcdef01', clientSecret: 'fake-admitad-secret-4c81e2b7d93a', websiteId: '1234567', campaignId: '6115' };
const aliexpressInput: CredentialsInput = { service: 'aliexpress', ...aliexpress };
const admitadInput: CredentialsInput = { service: 'admitad', ...admitad };

const store = () =>
  createCredentialsStore({ get: (key) => fakeBrowser.storage.local.get(key), set: (items) => fakeBrowser.storage.local.set(items), remove: (key) => fakeBrowser.storage.local.remove(key) });

describe('maskSecret', () => {
  it.each([
    { input: 'fake-ae-secret-7f3a9c2e51d84b06', expected: '••••4b06' },
    { input: '123456789012', expected: '••••9012' },
    // Short values would show a third of themselves: dots only.
    { input: 'short-secr', expected: '••••' },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(maskSecret(input)).toBe(expected);
  });
});

describe('credentials view', () => {
  it('shows identifiers and the last four characters of each secret', () => {
    const actual = credentialsView({ aliexpress, admitad });
    expect(actual).toEqual({
      aliexpress: { appKey: '500123', appSecret: '••••4b06', trackingId: 'blog_main' },
      admitad: { clientId: admitad.clientId, clientSecret: '••••d93a', websiteId: '1234567', campaignId: '6115' },
    });
  });
});

describe('mergeCredentialsInput', () => {
  it('trims pasted values', () => {
    const actual = mergeCredentialsInput({}, { service: 'aliexpress', appKey: ' 500123 ', appSecret: ` ${aliexpress.appSecret}\n`, trackingId: ' blog_main' });
    expect(actual).toEqual({ ok: true, next: { aliexpress } });
  });

  it('keeps the saved secret when the form leaves it empty, for the same app only', () => {
    expect(mergeCredentialsInput({ aliexpress }, { ...aliexpressInput, appSecret: '', trackingId: 'other' })).toEqual({ ok: true, next: { aliexpress: { ...aliexpress, trackingId: 'other' } } });
    expect(mergeCredentialsInput({ aliexpress }, { ...aliexpressInput, appKey: '777777', appSecret: '' })).toEqual({ ok: false, issues: [{ field: 'appSecret', code: 'required' }] });
    expect(mergeCredentialsInput({ admitad }, { ...admitadInput, clientSecret: '', campaignId: '42' })).toEqual({ ok: true, next: { admitad: { ...admitad, campaignId: '42' } } });
  });

  it.each([
    { name: 'an empty app key', input: { ...aliexpressInput, appKey: '' }, expected: [{ field: 'appKey', code: 'required' }] },
    { name: 'a secret with a space inside', input: { ...aliexpressInput, appSecret: 'a b' }, expected: [{ field: 'appSecret', code: 'badFormat' }] },
    { name: 'a bad tracking id', input: { ...aliexpressInput, trackingId: 'a b' }, expected: [{ field: 'trackingId', code: 'badFormat' }] },
    { name: 'an ad space id that is not a number', input: { ...admitadInput, websiteId: 'w1' }, expected: [{ field: 'websiteId', code: 'badFormat' }] },
    { name: 'no program id', input: { ...admitadInput, campaignId: '' }, expected: [{ field: 'campaignId', code: 'required' }] },
  ])('refuses $name', ({ input, expected }) => {
    const actual = mergeCredentialsInput({}, input as CredentialsInput);
    expect(actual).toEqual({ ok: false, issues: expected });
  });
});

describe('parseStoredCredentials', () => {
  it('reads each service on its own: a damaged one does not hide the other', () => {
    const actual = parseStoredCredentials({ v: 1, aliexpress: { appKey: 5, appSecret: 'x' }, admitad });
    expect(actual).toEqual({ admitad });
  });

  it.each([undefined, null, 'text', [], { v: 2 }])('reads %j as no credentials', (input) => {
    expect(parseStoredCredentials(input)).toEqual({});
  });
});

describe('credentials store', () => {
  it('keeps both services under one storage.local key, never in storage.sync, and removes them one by one', async () => {
    const credentials = store();
    await credentials.save(aliexpressInput);
    await credentials.save(admitadInput);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [API_CREDENTIALS_KEY]: { v: 1, aliexpress, admitad } });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await credentials.load()).toEqual({ aliexpress, admitad });
    expect(await credentials.remove('aliexpress')).toEqual({ aliexpress: null, admitad: expect.objectContaining({ websiteId: '1234567' }) });
    await credentials.remove('admitad');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('two saves at once both land', async () => {
    const credentials = store();
    await Promise.all([credentials.save(aliexpressInput), credentials.save(admitadInput)]);
    expect(await credentials.load()).toEqual({ aliexpress, admitad });
  });

  it('answers a storage failure without the browser\'s text', async () => {
    const credentials = createCredentialsStore({
      get: async () => ({}),
      set: async () => {
        throw new Error(`QUOTA_BYTES exceeded writing ${aliexpress.appSecret}`);
      },
      remove: async () => undefined,
    });
    // A full storage is said as such (the options page words it), still without the browser's text.
    expect(await credentials.save(aliexpressInput)).toEqual({ ok: false, storageFailed: true, storageFull: true });
  });

  it("answers any other storage failure without the browser's text either", async () => {
    const credentials = createCredentialsStore({
      get: async () => ({}),
      set: async () => {
        throw new Error(`IO error writing ${aliexpress.appSecret}`);
      },
      remove: async () => undefined,
    });
    expect(await credentials.save(aliexpressInput)).toEqual({ ok: false, storageFailed: true });
  });

  it('is not among the keys the popup reads', async () => {
    // The popup's reads on open are the preload script's; run it against a storage that holds everything.
    const stored: Record<string, unknown> = { accounts: [], presets: [], settings: {}, rateCache: {}, hotList: {}, categoryPicks: {}, [API_CREDENTIALS_KEY]: { aliexpress } };
    const askedFor: string[][] = [];
    const get = async (keys: string[]) => {
      askedFor.push(keys);
      return Object.fromEntries(keys.filter((key) => key in stored).map((key) => [key, stored[key]]));
    };
    vi.stubGlobal('browser', { tabs: { query: async () => [] }, storage: { local: { get } } });
    try {
      popupPreloadScript.main();
    } finally {
      vi.unstubAllGlobals();
    }
    const preload = takePopupPreload();
    const actual = { ...(await preload?.storage), ...(await preload?.estimate) };
    expect(askedFor).toHaveLength(2);
    expect(askedFor.flat()).not.toContain(API_CREDENTIALS_KEY);
    expect(Object.keys(actual).sort()).toEqual(['accounts', 'categoryPicks', 'hotList', 'presets', 'rateCache', 'settings']);
  });
});

describe('the options page\'s credentials model', () => {
  function setup(granted = true, dataCollection?: readonly string[]) {
    const order: string[] = [];
    const deps: CredentialsModelDeps = {
      dataCollection,
      view: vi.fn(async () => ({ aliexpress: null, admitad: null })),
      save: vi.fn(async (input: CredentialsInput) => {
        order.push('save');
        const merged = mergeCredentialsInput({}, input);
        return { ok: true as const, view: credentialsView(merged.ok ? merged.next : {}) };
      }),
      remove: vi.fn(async () => ({ aliexpress: null, admitad: null })),
      check: vi.fn(async () => ({ ok: true as const })),
      permissions: {
        contains: vi.fn(async () => false),
        request: vi.fn((request: { origins: string[] }) => {
          order.push(`request ${request.origins.join(' ')}`);
          return Promise.resolve(granted);
        }),
        remove: vi.fn(async () => true),
      },
    };
    return { deps, order, model: createCredentialsModel(deps) };
  }

  it('asks for the API host before anything is awaited, then saves and checks', async () => {
    const { model, order, deps } = setup();
    await model.load();
    const saving = model.save(aliexpressInput);
    // Synchronously, inside the click, before the save message.
    expect(order[0]).toBe('request https://api-sg.aliexpress.com/*');
    await saving;
    expect(order).toEqual(['request https://api-sg.aliexpress.com/*', 'save']);
    expect(model.view.value?.aliexpress?.appSecret).toBe('••••4b06');
    expect(model.access.value.aliexpress).toBe(true);
    expect(deps.check).toHaveBeenCalledWith('aliexpress');
    expect(model.status.value.aliexpress).toEqual({ kind: 'checked', result: { ok: true } });
  });

  it('saves without access when the host is refused, and says so', async () => {
    const { model, deps } = setup(false);
    await model.save(admitadInput);
    expect(model.status.value.admitad).toEqual({ kind: 'saved', access: false });
    expect(deps.check).not.toHaveBeenCalled();
  });

  it('shows field issues without asking for access or saving', async () => {
    const { model, deps } = setup();
    await model.save({ ...admitadInput, websiteId: 'x' });
    expect(model.status.value.admitad).toEqual({ kind: 'issues', issues: [{ field: 'websiteId', code: 'badFormat' }] });
    expect(deps.permissions.request).not.toHaveBeenCalled();
    expect(deps.save).not.toHaveBeenCalled();
  });

  it('removing gives the host access back', async () => {
    const { model, deps } = setup();
    await model.remove('admitad');
    expect(deps.permissions.remove).toHaveBeenCalledWith({ origins: ['https://api.admitad.com/*'] });
    expect(model.status.value.admitad).toEqual({ kind: 'removed' });
  });

  it.each([
    { browser: 'Firefox', dataCollection: API_DATA_COLLECTION, expected: { origins: ['https://api.admitad.com/*'], data_collection: ['browsingActivity', 'authenticationInfo'] } },
    { browser: 'Chrome', dataCollection: [], expected: { origins: ['https://api.admitad.com/*'] } },
    { browser: 'a caller that names none', dataCollection: undefined, expected: { origins: ['https://api.admitad.com/*'] } },
  ])('on $browser, saving asks for the data-collection consent with the host, in one request', async ({ dataCollection, expected }) => {
    const { model, deps } = setup(true, dataCollection);
    await model.save(admitadInput);
    expect(deps.permissions.request).toHaveBeenCalledTimes(1);
    expect(deps.permissions.request).toHaveBeenCalledWith(expected);
  });

  it.each([
    { name: 'no other service has credentials: the consent goes too', other: null, expected: { origins: ['https://api.admitad.com/*'], data_collection: ['browsingActivity', 'authenticationInfo'] } },
    { name: 'the other service still sends data: the consent stays', other: 'aliexpress', expected: { origins: ['https://api.admitad.com/*'] } },
  ])('removing on Firefox: $name', async ({ other, expected }) => {
    const { model, deps } = setup(true, API_DATA_COLLECTION);
    const remaining = other ? { aliexpress: { appKey: '123', appSecret: '••••4b06', trackingId: 't' }, admitad: null } : { aliexpress: null, admitad: null };
    deps.remove = vi.fn(async () => remaining as Awaited<ReturnType<CredentialsModelDeps['remove']>>);
    await model.remove('admitad');
    expect(deps.permissions.remove).toHaveBeenCalledWith(expected);
  });
});
