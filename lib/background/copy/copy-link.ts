/**
 * "Copy affiliate link for this URL with this preset": the one flow behind the context menu
 * and the keyboard shortcut (the popup copies in its own page; docs/architecture.md,
 * 'Context-menu click to history').
 *
 * It builds the link from stored presets and accounts exactly as the popup does, writes the
 * clipboard through lib/background/clipboard, records the attempt in the history (failures too, with
 * their reason) and flags the outcome on the tab's toolbar icon. It never opens the link
 * (docs/architecture.md, 'Hard rules' 2) and never touches the page.
 */
import type { PortalsCopyLink } from '../../api/service';
import type { LinkAssessment } from '../../insights';
import type { CopyRecord, PendingCopy, RecordResult } from '../history-writer';
import type { ClipboardWriter } from '../clipboard/types';
import type { CopyFailure, CopySurface } from '../../storage/history';
import { buildDeeplink } from '../../networks';
import type { PortalsAccount } from '../../networks/portals';
import type { Account } from '../../networks/types';
import { defaultPresetOf } from '../../presets/default';
import type { Preset } from '../../presets/types';
import type { StoredState } from '../../storage/state';
import { MAX_URL_LENGTH, parseProductUrl } from '../../url';
import type { FlashOutcome } from '../badge/flash';
import type { PostResult } from '../../presets/post-template';
import type { PostTextInput } from './post';

/**
 * The longest link put on the clipboard. Web servers refuse longer request lines with 414:
 * Apache's default `LimitRequestLine` is 8,190 bytes
 * (https://httpd.apache.org/docs/2.4/mod/core.html#limitrequestline) and nginx's default
 * `large_client_header_buffers` is 8 KB (https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers),
 * and the networks' redirect servers sit behind such servers. 8,000 characters leave room for
 * "GET ", " HTTP/1.1" and the line end under 8,190 whatever the host. It is also under the
 * history's bounds (lib/storage/history.ts: `link` 16,384 characters), so a refused link is kept
 * in its entry whole. Links are ASCII (percent-encoded), so characters are bytes.
 */
export const MAX_LINK_LENGTH = 8000;

export interface CopyRequest {
  readonly surface: Extract<CopySurface, 'context-menu' | 'shortcut'>;
  /** undefined when the browser gave no URL (no activeTab grant, nothing in the selection). */
  readonly sourceUrl: string | undefined;
  /** null: the default preset (the chosen default, else the first, else the plain clean link). */
  readonly presetId: string | null;
  /** The tab whose toolbar icon shows the outcome. */
  readonly tabId: number | undefined;
  /** The product's title, when the URL is the tab's own product (./tab-title.ts); kept in the history. */
  readonly title?: string;
  /** `post`: the preset's ready-to-post text around the link (lib/background/copy/post.ts); absent: the link alone. */
  readonly format?: 'post';
}

export type CopyOutcome =
  | { readonly ok: true; readonly link: string; readonly presetId: string | null; readonly assessment?: LinkAssessment; readonly post?: string }
  | { readonly ok: false; readonly failure: CopyFailure; readonly reason?: string };

/** Moments of one copy, in `now()` units: what `npm run bench` reports as menu-to-clipboard time. */
export interface CopyTiming {
  readonly surface: CopyRequest['surface'];
  readonly startedAt: number;
  readonly clipboardWrittenAt: number;
}

export interface CopyLinkDeps {
  loadState(): Promise<StoredState>;
  readonly clipboard: ClipboardWriter;
  /** Records an attempt that put nothing on the clipboard. */
  record(copy: CopyRecord): Promise<RecordResult>;
  /** Records a copy as pending before its clipboard write (lib/background/history-writer.ts). */
  begin(copy: CopyRecord): Promise<PendingCopy>;
  flash(tabId: number | undefined, outcome: FlashOutcome): Promise<void>;
  now(): number;
  onTiming?(timing: CopyTiming): void;
  /**
   * A Portals preset's link, from the AliExpress API (lib/api/service.ts). Without it such a
   * preset fails with `needs-api`: a Portals link has no local form, and a plain URL copied in
   * its place would earn nothing while looking like the affiliate link.
   */
  portalsLink?(preset: Preset, account: PortalsAccount, sourceUrl: string): Promise<PortalsCopyLink>;
  /**
   * The copied link's estimate and warnings for the preset (lib/insights `assessLink`, over the
   * stored tables): the menu and the shortcut have no page, so a link that would earn nothing is
   * flagged on the icon. Never on the path to the clipboard: it runs after the write.
   */
  assess?(sourceUrl: string, preset: Preset | null, account: Account | undefined): Promise<LinkAssessment | null>;
  /**
   * The post for a "Copy as post" request (lib/background/copy/post.ts). Without it such a request
   * fails with `post-template` rather than putting the bare link where a post was asked for.
   */
  postText?(input: PostTextInput): Promise<PostResult>;
}

/** Used when no preset exists: the plain clean link, as in the popup. */
const PLAIN_PRESET: Preset = { id: '', name: '', accountId: null, program: 'other', audienceCountry: null, subIds: {}, keepSku: false };

export function createCopyLinkAction(deps: CopyLinkDeps) {
  const build = async (
    request: CopyRequest,
    state: StoredState,
  ): Promise<{ preset: Preset | null; account?: Account } & ({ link: string } | { failure: CopyFailure; reason?: string })> => {
    const preset = request.presetId === null ? defaultPresetOf(state.presets, state.settings) : (state.presets.find((p) => p.id === request.presetId) ?? null);
    // A menu item for a preset deleted since the menu was built: say so rather than use another.
    if (request.presetId !== null && preset === null) return { preset, failure: 'unknown-preset' };
    if (request.sourceUrl === undefined || request.sourceUrl.trim() === '') return { preset, failure: 'no-url' };
    // Past the URL reader's bound: say it is too long, rather than "not a valid link".
    if (request.sourceUrl.length > MAX_URL_LENGTH) return { preset, failure: 'too-long' };
    const parsed = parseProductUrl(request.sourceUrl);
    const account = preset?.accountId ? state.accounts.find((a) => a.id === preset.accountId) : undefined;
    const result = buildDeeplink(parsed, preset ?? PLAIN_PRESET, account);
    if (!result.ok && result.code === 'needs-api' && preset && account?.network === 'portals' && deps.portalsLink) {
      const fromApi = await deps.portalsLink(preset, account, request.sourceUrl);
      return fromApi.ok ? { preset, account, link: fromApi.link } : { preset, failure: fromApi.failure, ...(fromApi.reason ? { reason: fromApi.reason } : {}) };
    }
    if (!result.ok) return { preset, failure: result.code };
    return result.url.length > MAX_LINK_LENGTH ? { preset, failure: 'too-long' } : { preset, ...(account ? { account } : {}), link: result.url };
  };

  return async function copyAffiliateLink(request: CopyRequest): Promise<CopyOutcome> {
    const startedAt = deps.now();
    const built = await build(request, await deps.loadState());
    const presetId = built.preset?.id ?? null;
    const sourceUrl = request.sourceUrl ?? '';

    const record: CopyRecord = {
      surface: request.surface,
      sourceUrl,
      presetId,
      link: 'link' in built ? built.link : '',
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.format === 'post' ? { as: 'post' as const } : {}),
    };
    const historyNote = (result: RecordResult) => (result.recorded ? {} : { historyNotSaved: result.error.kind });

    const fail = async (failure: CopyFailure, reason: string | undefined): Promise<CopyOutcome> => {
      const outcome: CopyOutcome = reason === undefined ? { ok: false, failure } : { ok: false, failure, reason };
      const recorded = await deps.record({ ...record, failure });
      await deps.flash(request.tabId, { ok: false, failure, ...historyNote(recorded) }).catch(() => undefined);
      return outcome;
    };

    if ('failure' in built) return fail(built.failure, built.reason);

    // A post: the link inside the preset's template. A template that cannot be rendered (only a
    // hand edit of storage gets one past the preset form) copies nothing and says why.
    let post: string | undefined;
    if (request.format === 'post') {
      const rendered = deps.postText ? await deps.postText({ link: built.link, sourceUrl, preset: built.preset, account: built.account }) : null;
      if (!rendered?.ok) return fail('post-template', rendered ? rendered.problems.map((problem) => problem.code).join(', ') : 'no post renderer');
      post = rendered.text;
    }

    // The entry first, marked pending: a worker stopped during or after the clipboard write
    // still leaves it, and a reader shows it as interrupted (lib/storage/history.ts).
    const pending = await deps.begin(record);
    const written = await deps.clipboard.writeText(post ?? built.link);
    deps.onTiming?.({ surface: request.surface, startedAt, clipboardWrittenAt: deps.now() });
    const assessment = written.ok && deps.assess ? await deps.assess(sourceUrl, built.preset, built.account).catch(() => null) : null;
    const outcome: CopyOutcome = written.ok
      ? { ok: true, link: built.link, presetId, ...(assessment ? { assessment } : {}), ...(post !== undefined ? { post } : {}) }
      : { ok: false, failure: 'clipboard', reason: written.reason };
    // The badge before the outcome's write: it is what the user is looking for.
    const earnsNothing = outcome.ok ? outcome.assessment?.warnings.find((w) => w.rank === 'blocking') : undefined;
    const shown = outcome.ok ? { ok: true as const, ...(earnsNothing ? { earnsNothing } : {}) } : { ok: false as const, failure: outcome.failure };
    await deps.flash(request.tabId, { ...shown, ...historyNote(pending) }).catch(() => undefined);
    await pending.finish(outcome.ok ? undefined : outcome.failure);
    return outcome;
  };
}

export type CopyAffiliateLink = ReturnType<typeof createCopyLinkAction>;
