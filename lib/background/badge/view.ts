/**
 * What the toolbar icon shows, as data. Two uses: a short confirmation after a copy from the
 * context menu or shortcut (docs/architecture.md, 'Hard rules' 1: the badge is the only signal outside the
 * popup), and, when the user opted in, the product's estimated rate or HOT.
 */
import type { Warning } from '../../rules/types';
import type { CopyFailure } from '../../storage/history';

export interface BadgeView {
  readonly text: string;
  readonly color?: string;
  /** The icon's tooltip (screen readers read it, not the badge text); undefined: the default one. */
  readonly title?: string;
}

/** What the estimator tells the badge about a product; null when it knows nothing. */
export type BadgeEstimate = { readonly kind: 'hot'; readonly percent?: number } | { readonly kind: 'rate'; readonly percent: number };

export interface BadgeText {
  copied(): string;
  /** Copied, but the link's assessment (lib/insights) says it would earn nothing. */
  copiedEarnsNothing(warning: Warning): string;
  copyFailed(failure: CopyFailure): string;
  /** Appended when the copy's history entry could not be written: storage full, or another reason. */
  historyNotSaved(kind: 'quota' | 'other'): string;
  product(productId: string, estimate: BadgeEstimate | null): string;
}

/** `deadLinks`: the weekly re-check's count, a colour none of the per-tab views use, so it is not read as a rate or an error of this page. */
export const BADGE_COLORS = { ok: '#188038', error: '#d93025', hot: '#e8710a', rate: '#1a73e8', deadLinks: '#8430ce' } as const;

/** How long a copy confirmation stays; a failure stays longer, to be noticed and hovered. */
export const FLASH_MS = { ok: 2000, error: 5000 } as const;

/**
 * The badge fits about four characters: "3.4%", "12%", "0%". Rounded down, as AliExpress rounds
 * commission (seed 001), so the icon never promises more than the tooltip's exact figure.
 */
export function formatRate(percent: number): string {
  const shown = percent < 10 ? Math.floor(percent * 10 + 1e-9) / 10 : Math.floor(percent + 1e-9);
  return `${shown}%`;
}

/** The tooltip's figure: up to two decimals, as the seeds state rates ("1.15%"). */
export const formatRateExact = (percent: number): string => `${Math.round(percent * 100) / 100}%`;

export const IDLE_VIEW: BadgeView = { text: '' };

/**
 * A copy's outcome: `earnsNothing` is the copied link's blocking warning, when it has one;
 * `historyNotSaved` says the history entry could not be written, and why.
 */
export type CopyFlashOutcome = ({ readonly ok: true; readonly earnsNothing?: Warning } | { readonly ok: false; readonly failure: CopyFailure }) & {
  readonly historyNotSaved?: 'quota' | 'other';
};

export function copyOutcomeView(outcome: CopyFlashOutcome, text: BadgeText): BadgeView {
  const title = outcome.ok ? (outcome.earnsNothing ? text.copiedEarnsNothing(outcome.earnsNothing) : text.copied()) : text.copyFailed(outcome.failure);
  // A copy whose entry is not in the history is not the plain success the user expects: "!".
  if (outcome.historyNotSaved !== undefined) return { text: '!', color: BADGE_COLORS.error, title: `${title} ${text.historyNotSaved(outcome.historyNotSaved)}` };
  if (!outcome.ok) return { text: '!', color: BADGE_COLORS.error, title };
  // Copied, so the check mark; the error colour and the tooltip say it would earn nothing.
  return { text: '✓', color: outcome.earnsNothing ? BADGE_COLORS.error : BADGE_COLORS.ok, title };
}

export function productView(productId: string, estimate: BadgeEstimate | null, text: BadgeText): BadgeView {
  const title = text.product(productId, estimate);
  if (estimate === null) return { text: '', title };
  if (estimate.kind === 'hot') return { text: 'HOT', color: BADGE_COLORS.hot, title };
  return { text: formatRate(estimate.percent), color: BADGE_COLORS.rate, title };
}
