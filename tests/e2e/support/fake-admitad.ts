/**
 * A test with the fake Admitad API (tests/fakes/) served on Admitad's real API host over TLS,
 * answering `ok` with fresh tokens at the start of each test; its host permission is granted at
 * install, as the options page grants it when credentials are saved.
 */
import { FAKE_API_HOSTS, startFakeAdmitadApi, type FakeAdmitadApi } from '../../fakes/index.mjs';
import { test as base } from './fixtures';

export const test = base.extend<{ admitad: FakeAdmitadApi }, { fakeAdmitad: FakeAdmitadApi }>({
  fakeAdmitad: [
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admitad = await startFakeAdmitadApi({ tls: true });
      await use(admitad);
      await admitad.close();
    },
    { scope: 'worker' },
  ],
  hostRules: [async ({ fakeAdmitad }, use) => use([`MAP ${FAKE_API_HOSTS.admitad} 127.0.0.1:${fakeAdmitad.port}`]), { scope: 'worker' }],
  admitad: async ({ fakeAdmitad }, use) => {
    fakeAdmitad.setBehaviour('ok');
    fakeAdmitad.revokeTokens();
    await use(fakeAdmitad);
  },
});

test.use({ grantAtInstall: ['https://api.admitad.com/*'] });
