// Real Firefox with the built add-on, driven by puppeteer-core over WebDriver BiDi: launch headless,
// install the build as a temporary add-on, open its pages, its toolbar popup, its shortcut and the
// context menu, and collect the add-on's console errors from Firefox's stdout. Used by
// tests/firefox/ (the Firefox e2e suite) and the package test.
//
// Facts this relies on, measured with Firefox ESR 153:
// - BiDi refuses moz-extension pages and chrome-scope contexts unless Firefox is started with
//   --remote-allow-system-access.
// - Extension pages send no load or console events over BiDi: pages are polled, and errors are read
//   from stdout, where the prefs below make Firefox print page console errors and JS errors.
// - Firefox has no host-resolver switch: a local CONNECT proxy sends every https host to the sample
//   server (scripts/e2e-support/sample-server.mjs), whose self-signed certificate BiDi's
//   acceptInsecureCerts lets through.
// - Commands (the keyboard shortcut) are XUL keys of the browser window: only key events
//   dispatched to that window trigger them, not keys typed into a tab.
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startSampleServer } from './sample-server.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const firefoxBuildDir = join(repoRoot, '.output', 'firefox-mv2');
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'sublink@sublink.dev';
/** Fixed through the extensions.webextensions.uuids pref, so page URLs are known before install. */
export const ADDON_UUID = '5e7b0c2a-1f3d-4c6b-9a8e-2d4f6a8c0b1e';
export const addonOrigin = `moz-extension://${ADDON_UUID}`;
/** Firefox's id for the add-on's toolbar widget and its key set: the gecko id with non-word characters as `_`. */
const WIDGET_ID = `${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}-browser-action`;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined/false, or throws the last reason. */
export async function poll(what, probe, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeout} ms (last: ${JSON.stringify(last)})`);
    await sleep(interval);
  }
}

/** A CONNECT proxy that tunnels every https request to `port` on 127.0.0.1. */
async function startTunnelProxy(port) {
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      if (!/^CONNECT \S+ HTTP\/1\.[01]\r\n/.test(head.toString('latin1'))) {
        client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
        return;
      }
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Whether a line of Firefox's output is an error from the add-on: a JS error or CSP report naming
 * one of its pages, the promise Firefox reports when an add-on page unloads with an extension API
 * call still pending, or a console.error from its code (which always logs with its `[sublink]`
 * prefix, lib/background/index.ts). Firefox's own components print errors too (remote settings,
 * the remote agent); those are not the add-on's.
 */
export function isAddonError(line) {
  if (/after context unloaded/.test(line)) return true;
  if (/^JavaScript (error|warning):/.test(line) || /Content[- ]Security[- ]Policy/i.test(line)) return line.includes(addonOrigin);
  if (/^console\.(error|warn):/.test(line)) return line.includes('[sublink]') || line.includes(addonOrigin);
  return false;
}

/**
 * Launches headless Firefox ESR with the add-on in `dir` installed, every https host served by the
 * sample server. Returns the browser, helpers, and `addonErrors()` (all the add-on's errors so far).
 */
export async function launchFirefoxWithAddon({ dir = firefoxBuildDir } = {}) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built add-on at ${dir}/manifest.json: run \`npx wxt build -b firefox\` first.`);
  if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: install Debian's firefox-esr (or set FIREFOX_PATH).`);
  const sampleServer = await startSampleServer();
  const proxy = await startTunnelProxy(sampleServer.port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // Page console messages and JS errors on stdout, where the harness reads them.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      'browser.dom.window.dump.enabled': true,
      // https only, through the tunnel; nothing reaches the real network.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const output = [];
  let partial = '';
  const collect = (chunk) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
  };
  browser.process()?.stdout?.on('data', collect);
  browser.process()?.stderr?.on('data', collect);

  const closeAll = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
    await sampleServer.close();
  };
  try {
    await browser.installExtension(dir);
  } catch (error) {
    await closeAll();
    throw new Error(`Firefox refused the add-on in ${dir}`, { cause: error });
  }

  const chromeContext = async () => {
    const tree = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const main = tree.result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    if (!main) throw new Error('No browser window in chrome scope');
    return main.context;
  };
  /** Evaluates `expression` (a string) in the browser window's chrome scope; returns its JSON value. */
  const inChrome = async (expression) => {
    const context = await chromeContext();
    const { result } = await browser.connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`chrome-scope evaluation failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
    return JSON.parse(result.result.value ?? 'null');
  };
  const popupBrowser = `[...document.querySelectorAll('browser')].find((b) => b.currentURI?.spec.startsWith(${JSON.stringify(`${addonOrigin}/popup.html`)}))`;

  // Errors Firefox reports through its console service (Cu.reportError: among them the promise an
  // unloaded page left pending) are not printed on stdout; they are read from the service.
  const reportedErrors = () =>
    inChrome(`Services.console.getMessageArray().map((m) => {
      if (!(m instanceof Ci.nsIScriptError)) return m.message;
      if (m.flags & Ci.nsIScriptError.warningFlag) return '';
      return 'JavaScript error: ' + m.sourceName + ', line ' + m.lineNumber + ': ' + m.errorMessage;
    })`);

  return {
    browser,
    sampleServer,
    /** Every error from the add-on so far, from stdout and the console service, each once. */
    addonErrors: async () => [...new Set([...output, ...(await reportedErrors())].filter(isAddonError))],
    output: () => [...output],
    inChrome,
    /** A new tab on an add-on page, polled until `ready` (a selector) is in it. */
    async openAddonPage(path, ready = 'body *') {
      const page = await browser.newPage();
      // Extension pages send no load event over BiDi, so a navigation that waits for one never
      // ends: this one returns once it started, and the page is polled.
      await browser.connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url: `${addonOrigin}/${path}`, wait: 'none' });
      await poll(`${path} shows ${ready}`, () => page.$(ready));
      return page;
    },
    /** Presses the add-on's shortcut (Alt+Shift+L) as keys dispatched to the browser window. */
    pressShortcut: () =>
      inChrome(`(() => {
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
        const keys = [new KeyboardEvent('', { key: 'Alt', code: 'AltLeft' }), new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft' }), new KeyboardEvent('', { key: 'L', code: 'KeyL', keyCode: 76 })];
        for (const key of keys) tip.keydown(key);
        for (const key of keys.reverse()) tip.keyup(key);
        return true;
      })()`),
    /** The system clipboard's text, read in chrome scope (no page or permission involved). */
    readClipboard: () => inChrome('navigator.clipboard.readText()'),
    writeClipboard: (text) => inChrome(`navigator.clipboard.writeText(${JSON.stringify(text)}).then(() => true)`),
    /** Clicks the add-on's toolbar button (pinned to the toolbar first), as a user's click does: it grants activeTab. */
    clickToolbarButton: () =>
      inChrome(`(() => {
        CustomizableUI.addWidgetToArea(${JSON.stringify(WIDGET_ID)}, CustomizableUI.AREA_NAVBAR);
        const widget = document.getElementById(${JSON.stringify(WIDGET_ID)});
        const button = widget?.querySelector('toolbarbutton') ?? widget;
        if (!button) throw new Error('no toolbar button');
        const init = { view: window, bubbles: true, button: 0 };
        button.dispatchEvent(new MouseEvent('mousedown', init));
        button.dispatchEvent(new MouseEvent('mouseup', init));
        button.doCommand();
        return true;
      })()`),
    /**
     * Runs `script` (a function body over `document`) inside the open toolbar popup and returns
     * its result: the popup is a remote browser in the toolbar panel, not a BiDi context, so a
     * frame script does the reading (or clicking) and messages the answer back.
     */
    inToolbarPopup: (script) =>
      inChrome(`new Promise((resolve, reject) => {
        const popup = ${popupBrowser};
        if (!popup) return resolve(null);
        const name = 'sublink-e2e:' + Math.random();
        const mm = popup.messageManager;
        const listener = (message) => { mm.removeMessageListener(name, listener); resolve(message.data); };
        mm.addMessageListener(name, listener);
        const body = ${JSON.stringify(`try { sendAsyncMessage(NAME, ((document) => { ${script} })(content.document)); } catch (e) { sendAsyncMessage(NAME, { error: String(e) }); }`)};
        mm.loadFrameScript('data:,' + encodeURIComponent(body.replace('NAME', JSON.stringify(name))), false);
        setTimeout(() => reject(new Error('the popup did not answer')), 5000);
      })`),
    /** Closes the toolbar popup's panel, as a click elsewhere does. */
    closeToolbarPopup: () =>
      inChrome(`(() => { const popup = ${popupBrowser}; popup?.closest('panel')?.hidePopup(); return true; })()`),
    toolbarPopupOpen: () => inChrome(`Boolean(${popupBrowser})`),
    /**
     * Opens the page's context menu on `selector` and picks the item labelled `label`. Firefox puts
     * an add-on's items under one submenu named after it when it has more than one: that submenu
     * is opened first, as a user would.
     */
    async contextMenuItem(page, selector, label) {
      await page.click(selector, { button: 'right' });
      await poll('the context menu', () => inChrome(`document.getElementById('contentAreaContextMenu').state === 'open'`));
      const picked = await poll(`the context-menu item “${label}”`, () =>
        inChrome(`(() => {
          const menu = document.getElementById('contentAreaContextMenu');
          const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.label === ${JSON.stringify(label)});
          if (!item) return false;
          const popup = item.parentElement;
          if (popup !== menu && popup.state !== 'open') {
            popup.parentElement.openMenu(true);
            return false;
          }
          popup.activateItem(item);
          return true;
        })()`),
      );
      return picked;
    },
    close: closeAll,
  };
}
