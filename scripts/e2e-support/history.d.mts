import type { Worker } from '@playwright/test';

export interface StoredHistoryEntry {
  readonly at: number;
  readonly surface: string;
  readonly sourceUrl: string;
  readonly link: string;
  readonly presetId: string | null;
  readonly failure?: string;
  readonly id?: string;
  readonly pending?: 'interrupted';
}

export function readHistoryInWorker(): Promise<StoredHistoryEntry[]>;
export function readHistory(worker: Worker): Promise<StoredHistoryEntry[]>;
