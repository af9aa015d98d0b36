import type { BrowserContext } from '@playwright/test';

export declare function stopServiceWorker(options: { context: BrowserContext; extensionId: string; timeout?: number }): Promise<void>;
export declare function wakeServiceWorker(options: { context: BrowserContext; extensionId: string }): Promise<void>;
export declare function openWorkerStopper(options: { context: BrowserContext; extensionId: string; timeout?: number }): Promise<{ stop(): Promise<void>; close(): Promise<void> }>;
