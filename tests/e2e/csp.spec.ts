/**
 * The extension's pages run under its content security policy, which refuses code evaluation
 * and reports every attempt, even a caught one, as a console error. zod used to probe for
 * `new Function` when its schemas were defined: two reported violations per options page load.
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const CSP_REPORT = /content security policy|unsafe-eval|EvalError/i;

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Console reports, page errors, and the `securitypolicyviolation` events the page saw from its first script on. */
async function collectCspReports(page: Page): Promise<() => Promise<string[]>> {
  const reports: string[] = [];
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations!.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`));
  });
  page.on('console', (message: ConsoleMessage) => {
    if (CSP_REPORT.test(message.text())) reports.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (CSP_REPORT.test(String(error))) reports.push(`pageerror: ${String(error)}`);
  });
  return async () => [...reports, ...((await page.evaluate(() => window.cspViolations)) ?? ['(the init script did not run)'])];
}

test('the options page loads with no CSP violation', async ({ context, extensionId }) => {
  const options = await context.newPage();
  const reports = await collectCspReports(options);
  await options.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  await expect(options.getByRole('heading', { name: 'Network accounts' })).toBeVisible();
  // The settings import validates with zod: exercise a parse, not only the module load.
  await options.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await reports()).toEqual([]);
});

test('the popup with its estimate loads with no CSP violation', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  const reports = await collectCspReports(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?url=${encodeURIComponent(sampleProductUrl(SAMPLE_PRODUCT_ID))}`);
  await expect(popup.getByText(SAMPLE_PRODUCT_ID).first()).toBeVisible();
  await popup.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await reports()).toEqual([]);
});
