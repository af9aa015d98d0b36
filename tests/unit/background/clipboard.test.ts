import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createOffscreenClipboard,
  createOffscreenRequestListener,
  OFFSCREEN_CLIPBOARD_TARGET,
  OFFSCREEN_DOCUMENT_PATH,
  writeTextInPage,
  type OffscreenClipboardDeps,
} from '@/lib/background/clipboard';
import { createBrowserClipboard } from '@/lib/background/clipboard/browser';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chrome's offscreen rules in memory: one document at most, creation takes a while. */
function fakeOffscreen() {
  const state = { documents: 0, created: 0, written: [] as string[] };
  const deps = {
    hasDocument: vi.fn(async () => {
      await tick();
      return state.documents > 0;
    }),
    createDocument: vi.fn(async () => {
      await tick(5);
      if (state.documents > 0) throw new Error('Only a single offscreen document may be created.');
      state.documents++;
      state.created++;
    }),
    send: vi.fn(async (request: { text: string }) => {
      if (state.documents === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      state.written.push(request.text);
      return { ok: true };
    }),
  } satisfies OffscreenClipboardDeps;
  return { deps, state };
}

describe('Chrome: the offscreen clipboard', () => {
  it('five copies in quick succession create one document and write all five', async () => {
    const { deps, state } = fakeOffscreen();
    const clipboard = createOffscreenClipboard(deps);

    const actual = await Promise.all([1, 2, 3, 4, 5].map((n) => clipboard.writeText(`https://link.test/${n}`)));

    expect(actual).toEqual(Array(5).fill({ ok: true }));
    expect(deps.createDocument).toHaveBeenCalledTimes(1);
    expect(state.created).toBe(1);
    expect(state.written).toEqual([1, 2, 3, 4, 5].map((n) => `https://link.test/${n}`));
  });

  it('reuses an open document and recreates one Chrome closed', async () => {
    const { deps, state } = fakeOffscreen();
    const clipboard = createOffscreenClipboard(deps);
    await clipboard.writeText('a');
    await clipboard.writeText('b');
    expect(deps.createDocument).toHaveBeenCalledTimes(1);

    state.documents = 0;
    expect(await clipboard.writeText('c')).toEqual({ ok: true });
    expect(deps.createDocument).toHaveBeenCalledTimes(2);
  });

  it('takes "only a single offscreen document" as the document being there (another worker made it)', async () => {
    const { deps, state } = fakeOffscreen();
    deps.hasDocument.mockResolvedValueOnce(false);
    state.documents = 1;

    expect(await createOffscreenClipboard(deps).writeText('x')).toEqual({ ok: true });
    expect(state.written).toEqual(['x']);
  });

  it.each([
    {
      name: 'the document cannot be created',
      breakIt: (deps: OffscreenClipboardDeps) => vi.mocked(deps.createDocument).mockRejectedValueOnce(new Error('Invalid reason')),
      expected: { ok: false, reason: 'offscreen document: Invalid reason' },
    },
    {
      name: 'the document does not answer',
      breakIt: (deps: OffscreenClipboardDeps) => vi.mocked(deps.send).mockRejectedValueOnce(new Error('Receiving end does not exist.')),
      expected: { ok: false, reason: 'Receiving end does not exist.' },
    },
    {
      name: 'the document could not write',
      breakIt: (deps: OffscreenClipboardDeps) => vi.mocked(deps.send).mockResolvedValueOnce({ ok: false, reason: "execCommand('copy') was refused" }),
      expected: { ok: false, reason: "execCommand('copy') was refused" },
    },
    {
      name: 'the answer is not ours',
      breakIt: (deps: OffscreenClipboardDeps) => vi.mocked(deps.send).mockResolvedValueOnce(undefined),
      expected: { ok: false, reason: 'the offscreen document did not answer' },
    },
  ])('fails with a reason, never silently, when $name', async ({ breakIt, expected }) => {
    const { deps } = fakeOffscreen();
    breakIt(deps);
    expect(await createOffscreenClipboard(deps).writeText('x')).toEqual(expected);
  });

  it('recovers after a failed creation', async () => {
    const { deps } = fakeOffscreen();
    deps.createDocument.mockRejectedValueOnce(new Error('busy'));
    const clipboard = createOffscreenClipboard(deps);
    expect((await clipboard.writeText('a')).ok).toBe(false);
    expect(await clipboard.writeText('b')).toEqual({ ok: true });
  });
});

describe("the offscreen document's listener", () => {
  const write = vi.fn(async () => ({ ok: true as const }));
  const listener = createOffscreenRequestListener(write, 'our-id');

  it('writes what our worker sends', async () => {
    expect(await listener({ target: OFFSCREEN_CLIPBOARD_TARGET, text: 'https://l.test' }, { id: 'our-id' })).toEqual({ ok: true });
    expect(write).toHaveBeenCalledWith('https://l.test');
  });

  it.each([
    { name: 'another extension', message: { target: OFFSCREEN_CLIPBOARD_TARGET, text: 'x' }, sender: { id: 'other' } },
    { name: 'a popup message', message: { type: 'linkCopied', data: {} }, sender: { id: 'our-id' } },
    { name: 'a malformed request', message: { target: OFFSCREEN_CLIPBOARD_TARGET, text: 42 }, sender: { id: 'our-id' } },
  ])('leaves $name alone', ({ message, sender }) => {
    expect(listener(message, sender)).toBeUndefined();
  });
});

describe('writing from a page: the offscreen document and the Firefox background page', () => {
  afterEach(() => {
    delete (document as { execCommand?: unknown }).execCommand;
  });

  const setup = ({ execCommand = true, api = 'ok' as 'ok' | 'fails' | 'missing' } = {}) => {
    // happy-dom has no execCommand; browsers all do.
    const exec = vi.fn((_command: string) => execCommand);
    Object.defineProperty(document, 'execCommand', { configurable: true, value: exec });
    const writeText = vi.fn(async () => {
      if (api === 'fails') throw new Error("Failed to execute 'writeText' on 'Clipboard': Document is not focused.");
    });
    return { exec, writeText, clipboard: api === 'missing' ? undefined : { writeText } };
  };

  it('offscreen: execCommand on a textarea first (an offscreen document is never focused)', async () => {
    const { exec, writeText, clipboard } = setup({ api: 'fails' });
    let selected = '';
    exec.mockImplementation(() => {
      selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')!.value;
      return true;
    });
    expect(await writeTextInPage('https://l.test', { document, clipboard, prefer: 'textarea' })).toEqual({ ok: true });
    expect(exec).toHaveBeenCalledWith('copy');
    expect(selected).toBe('https://l.test');
    expect(writeText).not.toHaveBeenCalled();
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('offscreen: falls back to the async API when execCommand is refused', async () => {
    const { writeText, clipboard } = setup({ execCommand: false });
    expect(await writeTextInPage('x', { document, clipboard, prefer: 'textarea' })).toEqual({ ok: true });
    expect(writeText).toHaveBeenCalledWith('x');
  });

  it('Firefox: navigator.clipboard.writeText first (clipboardWrite allows it in the background page)', async () => {
    const { exec, writeText, clipboard } = setup();
    expect(await writeTextInPage('x', { document, clipboard, prefer: 'api' })).toEqual({ ok: true });
    expect(writeText).toHaveBeenCalledWith('x');
    expect(exec).not.toHaveBeenCalled();
  });

  it('Firefox: falls back to execCommand when the API refuses', async () => {
    const { exec, clipboard } = setup({ api: 'fails' });
    expect(await writeTextInPage('x', { document, clipboard, prefer: 'api' })).toEqual({ ok: true });
    expect(exec).toHaveBeenCalledWith('copy');
  });

  it('reports both reasons when neither way works', async () => {
    const { clipboard } = setup({ execCommand: false, api: 'fails' });
    const actual = await writeTextInPage('x', { document, clipboard, prefer: 'api' });
    expect(actual).toEqual({ ok: false, reason: expect.stringMatching(/Document is not focused.*execCommand\('copy'\) was refused/) });
  });

  it('reports a missing clipboard API', async () => {
    const { clipboard } = setup({ execCommand: false, api: 'missing' });
    expect(await writeTextInPage('x', { document, clipboard, prefer: 'textarea' })).toEqual({
      ok: false,
      reason: "execCommand('copy') was refused; navigator.clipboard is not available",
    });
  });
});

describe('createBrowserClipboard picks the branch from what the browser has', () => {
  it('Firefox (no offscreen API): writes directly with navigator.clipboard', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    expect(await createBrowserClipboard().writeText('https://l.test')).toEqual({ ok: true });
    expect(writeText).toHaveBeenCalledWith('https://l.test');
  });

  it('Chrome (offscreen API): creates the document with reason CLIPBOARD, then messages it', async () => {
    const createDocument = vi.fn(async () => undefined);
    const getContexts = vi.fn(async () => []);
    Object.assign(fakeBrowser, { offscreen: { createDocument } });
    Object.assign(fakeBrowser.runtime, { getContexts });
    // The offscreen document's side, with the sender Chrome would pass (the fake passes none).
    const listener = createOffscreenRequestListener(async () => ({ ok: true }), fakeBrowser.runtime.id);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => listener(message, { id: fakeBrowser.runtime.id }));
    try {
      expect(await createBrowserClipboard().writeText('https://l.test')).toEqual({ ok: true });
      expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [fakeBrowser.runtime.getURL(OFFSCREEN_DOCUMENT_PATH)] });
      expect(createDocument).toHaveBeenCalledWith({ url: OFFSCREEN_DOCUMENT_PATH, reasons: ['CLIPBOARD'], justification: expect.stringMatching(/clipboard/) });
    } finally {
      delete (fakeBrowser as { offscreen?: unknown }).offscreen;
      delete (fakeBrowser.runtime as { getContexts?: unknown }).getContexts;
    }
  });
});
