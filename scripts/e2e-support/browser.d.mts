import type { BrowserContext, Page, Worker } from '@playwright/test';

export declare const repoRoot: string;
export declare const extensionDir: string;
export declare const chromiumPath: string;
export declare function assertExtensionBuilt(dir?: string): void;
export declare function snapshotBuild(dir?: string): Promise<string>;

export interface LaunchedExtension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly debugPort: number;
  readonly cdpEndpoint: string;
  /** The setup page the extension opened at install (already closed), or null. */
  readonly setupTabUrl: string | null;
  readonly extensionPath: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}
export declare function launchWithExtension(options: {
  serverPort: number;
  headless?: boolean;
  dir?: string;
  userDataDir?: string;
  /** Load a temp copy of the build (immune to a concurrent `wxt build`). */
  snapshot?: boolean;
  /** Chromium's --lang: the UI language, and so the extension's message catalog. Default en-US. */
  lang?: string;
  /** More --host-resolver-rules entries, before the sample hosts' (e.g. `MAP api.admitad.com 127.0.0.1:4431`). */
  hostRules?: readonly string[];
}): Promise<LaunchedExtension>;

export declare function openToolbarPopup(options: {
  context: BrowserContext;
  tab: Page;
  extensionId: string;
  cdpEndpoint: string;
  /** 'click' (default): as a toolbar click, with the activeTab grant. 'openPopup': chrome.action.openPopup(), no grant. */
  via?: 'click' | 'openPopup';
  serviceWorker?: Worker;
  timeout?: number;
  /** Another page of the extension to expect instead of popup.html (set with chrome.action.setPopup). */
  popupPath?: string;
  /** Milliseconds the popup loads unobserved before Playwright connects (the bench's timing). */
  settleMs?: number;
}): Promise<{ popup: Page; disconnect(): Promise<void> }>;
