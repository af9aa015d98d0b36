import { defineConfig } from '@playwright/test';

// e2e runs the built extension (`npx wxt build` first) in the system Chromium; the browser is
// launched by tests/e2e/support/fixtures.ts, not by a Playwright project, because extensions
// need a persistent context.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // One extension profile and one clipboard per machine: tests must not race for them.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    headless: true,
    actionTimeout: 5_000,
  },
});
