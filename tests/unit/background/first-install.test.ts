import { describe, expect, it, vi } from 'vitest';
import { createFirstInstallHandler } from '@/lib/background/first-install';
import { isSetupRequested, SETUP_PAGE_PATH } from '@/lib/messaging/pages';

describe('first install', () => {
  it.each([
    { reason: 'install', expected: 1 },
    { reason: 'update', expected: 0 },
    { reason: 'chrome_update', expected: 0 },
    { reason: 'browser_update', expected: 0 },
    { reason: 'shared_module_update', expected: 0 },
  ])('on $reason opens the setup page $expected time(s)', async ({ reason, expected }) => {
    const openTab = vi.fn(async () => undefined);
    await createFirstInstallHandler({ getURL: (path) => `chrome-extension://id${path}`, openTab })({ reason });
    expect(openTab).toHaveBeenCalledTimes(expected);
    if (expected) expect(openTab).toHaveBeenCalledWith('chrome-extension://id/options.html?setup=1');
  });

  it.each([
    { search: `?${SETUP_PAGE_PATH.split('?')[1]}`, expected: true },
    { search: '?setup=1&x=2', expected: true },
    { search: '?setup=0', expected: false },
    { search: '', expected: false },
  ])('reads the setup request from "$search"', ({ search, expected }) => {
    expect(isSetupRequested(search)).toBe(expected);
  });
});
