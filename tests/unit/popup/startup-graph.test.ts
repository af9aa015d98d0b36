/**
 * The popup's startup path (docs/architecture.md, 'Budgets'): the first screen is plain DOM so
 * the link paints before any framework, validator or API wrapper loads. This walks the static
 * imports from the popup's entry and fails if one of them reaches a package that belongs after it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, repoRoot } from '../support/import-graph';

const LATER_PACKAGES = /^(?:preact(?:\/|$)|@preact\/signals$|zod(?:\/|$)|uqr$|wxt\/browser$|webextension-polyfill$)/;

describe("the popup's startup imports", () => {
  it('entrypoints/popup/main.ts reaches only signals-core among packages', () => {
    const { packages } = importGraph(path.join(repoRoot, 'entrypoints/popup/main.ts'));
    expect([...packages].filter((name) => LATER_PACKAGES.test(name))).toEqual([]);
    expect([...packages]).toContain('@preact/signals-core');
  });

  it('the guard sees Preact and the QR encoder where they are (the part loaded after the first frame)', () => {
    const { packages } = importGraph(path.join(repoRoot, 'entrypoints/popup/later.tsx'));
    expect([...packages]).toEqual(expect.arrayContaining(['preact', '@preact/signals']));
    expect([...importGraph(path.join(repoRoot, 'components/popup/QrCode.tsx')).packages]).toContain('uqr');
  });
});
