// Local HTTPS stand-in for AliExpress: real AliExpress URLs (mapped to 127.0.0.1 by
// Chromium's --host-resolver-rules) get small, static sample pages. Shared by the e2e
// fixture, `npm start` and `npm run bench`, so all three exercise the same pages.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { fileURLToPath } from 'node:url';

const tlsDir = fileURLToPath(new URL('../../tests/fixtures/tls/', import.meta.url));

/** Hosts the browser resolves to the sample server. Anything else resolves to nothing. */
export const SAMPLE_HOSTS = [
  'aliexpress.com',
  '*.aliexpress.com',
  'aliexpress.ru',
  '*.aliexpress.ru',
  'aliexpress.us',
  '*.aliexpress.us',
  // A non-AliExpress site, for the "not-aliexpress" state.
  'shop.example.test',
];

/** Cookie every sample page sets, so a test can check the extension leaves cookies alone. */
export const SAMPLE_COOKIE = { name: 'sample_session', value: 'sublink-e2e-0001' };

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = ({ title, body }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<header><a href="/">AliExpress (local sample)</a></header>
<main>
${body}
</main>
</body>
</html>
`;

/** Product pages titled as a real listing would be (the popup guesses the category from the title). */
export const SAMPLE_PRODUCT_TITLES = {
  '1005006100000001': 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB Global Version - AliExpress 509',
};

/** Routes a request to a sample page. Pure: (host, path) -> { status, headers, body }. */
export function renderSamplePage(host, pathname) {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  const html = (status, title, body) => ({
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': `${SAMPLE_COOKIE.name}=${SAMPLE_COOKIE.value}; Path=/; Secure; SameSite=Lax`,
    },
    body: page({ title, body }),
  });

  // The harness's own origin (clipboard reads): no cookie, nothing AliExpress-like.
  if (hostname === '127.0.0.1' || hostname === 'localhost') {
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><title>harness</title>' };
  }
  if (hostname === 'shop.example.test') {
    return html(200, 'Example shop (not AliExpress)', '<h1>Example shop</h1><p>Not an AliExpress page.</p>');
  }
  // Short links redirect on the real site; offline the extension cannot know where to.
  const short = /^\/(?:e\/)?_[\w-]+$/.exec(pathname);
  if (short && (hostname === 'a.aliexpress.com' || hostname === 's.click.aliexpress.com')) {
    return { status: 302, headers: { location: 'https://www.aliexpress.com/item/1005006789012345.html' }, body: '' };
  }

  const item = /^\/(?:item|i)\/(?:[^/]+\/)?(\d+)(?:\.html)?$/.exec(pathname);
  if (item) {
    const id = item[1];
    return html(
      200,
      SAMPLE_PRODUCT_TITLES[id] ?? `Sample product ${id} - AliExpress`,
      `<h1 data-sample="title">Sample product ${escapeHtml(id)}: USB-C cable, 2 m</h1>
<p data-sample="price">US $3.99</p>
<p data-sample="product-id">${escapeHtml(id)}</p>`,
    );
  }
  const store = /^\/store\/(\d+)\/?$/.exec(pathname);
  if (store) {
    return html(200, `Sample store ${store[1]} - AliExpress`, `<h1>Sample store ${escapeHtml(store[1])}</h1>`);
  }
  if (pathname.startsWith('/category/')) {
    return html(200, 'Sample category - AliExpress', '<h1>Sample category</h1>');
  }
  if (pathname === '/' || pathname === '') {
    return html(200, 'AliExpress (local sample home)', '<h1>Sample home page</h1>');
  }
  return html(404, 'Not found', '<h1>Not found</h1>');
}

/**
 * Starts the sample HTTPS server on 127.0.0.1 (port 0 = a free port).
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function startSampleServer({ port = 0 } = {}) {
  const server = createServer(
    { key: readFileSync(`${tlsDir}key.pem`), cert: readFileSync(`${tlsDir}cert.pem`) },
    (req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'https://placeholder');
      const { status, headers, body } = renderSamplePage(req.headers.host ?? '', pathname);
      res.writeHead(status, headers);
      res.end(body);
    },
  );
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sample server has no port');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * `--host-resolver-rules` value: sample hosts go to the server, every other host fails to
 * resolve, so the browser under test never reaches the real network.
 */
export function hostResolverRules(port) {
  const maps = SAMPLE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
}
