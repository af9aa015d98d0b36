/**
 * Accessibility of the popup and the options page, in the built extension in
 * real Chromium: axe finds no serious or critical violation in the light or the dark theme,
 * every control is reached with Tab in document order and shows its focus, the one button the
 * popup is for works from the keyboard, and a browser in Spanish or Dutch gets its own catalog.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Browser } from '@wxt-dev/browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, openToolbarPopup } from '../../scripts/e2e-support/browser.mjs';
import { DEMO_PRESET, DEMO_STORAGE, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

// `chrome` as seen inside serviceWorker.evaluate(): the extension's own global, not Node's.
declare const chrome: typeof Browser;

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const productUrl = sampleProductUrl();
// RU&CIS NEW with German buyers: seed 002's 50%-of-WW warning shows.
const WARNINGS_STORAGE = { ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, program: 'ru-cis-new', audienceCountry: 'DE' }] };

const catalog = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8'));

/**
 * Runs axe on `page` in `theme` and fails on any serious or critical violation; the full result
 * is attached to the report. The toolbar popup closes as soon as another page takes focus, and
 * axe's default run opens a blank page to merge frame results: pages without frames (the popup)
 * run in legacy mode, inside the page only.
 */
async function expectNoSeriousViolations(page: Page, theme: Theme, testInfo: TestInfo, name: string, { legacy = false } = {}) {
  await page.emulateMedia({ colorScheme: theme });
  // styles.css switches its colours on prefers-color-scheme: make sure that is what axe sees.
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
  const results = await new AxeBuilder({ page }).setLegacyMode(legacy).analyze();
  await testInfo.attach(`axe-${name}-${theme}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  expect(serious, `${name} (${theme})`).toEqual([]);
}

interface TabStop {
  index: number;
  focusVisible: boolean;
  html: string;
}

/**
 * Presses Tab from the top of the document until focus leaves the page or comes round again.
 * Returns the controls reached, and the controls a keyboard user should reach (every enabled,
 * rendered control; one per radio group), each by its document-order index.
 */
async function tabThrough(page: Page): Promise<{ expected: number; stops: TabStop[] }> {
  const expected = await page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const radioGroups = new Set<string>();
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if ((element as HTMLButtonElement).disabled || !element.checkVisibility()) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        if (radioGroups.has(element.name)) return false;
        radioGroups.add(element.name);
      }
      return true;
    });
    document.querySelectorAll('[data-a11y-index]').forEach((element) => element.removeAttribute('data-a11y-index'));
    controls.forEach((element, index) => (element.dataset.a11yIndex = String(index)));
    // Start where a keyboard user starts: before the first control.
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'a11y-start';
    document.body.prepend(start);
    start.focus();
    start.remove();
    return controls.length;
  });
  const stops: TabStop[] = [];
  // Date inputs take one Tab per part (day, month, year): a few presses per control at most.
  for (let press = 0; press <= expected * 4 + 4; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      // A radio group is one stop: Tab lands on its checked radio, indexed or not.
      const index = element.dataset.a11yIndex ?? document.querySelector<HTMLElement>(`input[type="radio"][name="${(element as HTMLInputElement).name}"][data-a11y-index]`)?.dataset.a11yIndex;
      return {
        index: index === undefined ? -1 : Number(index),
        focusVisible: element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        html: element.outerHTML.slice(0, 120),
      };
    });
    if (!stop) break;
    if (stop.index !== -1 && stop.index === stops.at(-1)?.index) continue;
    if (stops.some((seen) => seen.index === stop.index)) break;
    stops.push(stop);
  }
  return { expected, stops };
}

function expectEveryControlInOrder({ expected, stops }: { expected: number; stops: TabStop[] }) {
  expect(stops.filter((stop) => stop.index === -1).map((stop) => stop.html), 'reached, but not a control').toEqual([]);
  expect(stops.map((stop) => stop.index)).toEqual([...Array(expected).keys()]);
  expect(stops.filter((stop) => !stop.focusVisible).map((stop) => stop.html), 'focus not visible').toEqual([]);
}

async function openOptions(page: Page, extensionId: string, { presets = 0 } = {}) {
  await page.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts & presets' })).toBeVisible();
  // The sections fill in from storage: wait for the seeded presets, if any.
  await expect(page.getByRole('heading', { name: 'Sub-id presets' })).toBeVisible();
  if (presets > 0) await expect(page.getByTestId('preset-list').getByRole('listitem')).toHaveCount(presets);
  return page;
}

test.describe('axe finds no serious violation', () => {
  for (const theme of THEMES) {
    test(`popup on a product page, estimate and warnings open (${theme})`, async ({ seedStorage, openPopupFor }, testInfo) => {
      await seedStorage(WARNINGS_STORAGE);
      const popup = await openPopupFor(productUrl);
      await expect(popup.getByTestId('rate')).toBeVisible();
      await expect(popup.getByTestId('warnings')).toBeVisible();
      await popup.getByTestId('why').locator(':scope > summary').click();
      // The QR code and its buttons too.
      await popup.getByTestId('qr-toggle').click();
      await expect(popup.getByTestId('qr-symbol')).toBeVisible();

      await expectNoSeriousViolations(popup, theme, testInfo, 'popup-product', { legacy: true });
    });

    test(`popup with no preset and a pasted URL that is not one (${theme})`, async ({ openPopupFor }, testInfo) => {
      const popup = await openPopupFor(productUrl);
      await expect(popup.getByTestId('setup-hint')).toBeVisible();
      await popup.getByTestId('paste-url').fill('not a url');
      await expect(popup.getByTestId('state')).toHaveAttribute('data-kind', 'invalid');

      await expectNoSeriousViolations(popup, theme, testInfo, 'popup-setup', { legacy: true });
    });

    test(`options page (${theme})`, async ({ page, seedStorage, extensionId }, testInfo) => {
      await seedStorage(DEMO_STORAGE);
      await openOptions(page, extensionId, { presets: 1 });

      await expectNoSeriousViolations(page, theme, testInfo, 'options');
    });

    test(`options page on a first install, nothing stored yet (${theme})`, async ({ page, extensionId }, testInfo) => {
      await openOptions(page, extensionId);

      await expectNoSeriousViolations(page, theme, testInfo, 'options-first-install');
    });

    test(`options page with both forms open and their errors shown (${theme})`, async ({ page, seedStorage, extensionId }, testInfo) => {
      await seedStorage(DEMO_STORAGE);
      await openOptions(page, extensionId, { presets: 1 });
      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('form', { name: 'Add account' }).getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Add preset' }).click();
      await page.getByRole('form', { name: 'Add preset' }).getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();

      await expectNoSeriousViolations(page, theme, testInfo, 'options-forms');
    });
  }
});

test.describe('keyboard only', () => {
  for (const key of ['Enter', 'Space']) {
    test(`the popup opens with Copy focused, and ${key} copies the link`, async ({ seedStorage, openPopupFor, readClipboard }) => {
      await seedStorage(DEMO_STORAGE);
      const popup = await openPopupFor(productUrl);
      const copy = popup.getByTestId('copy');
      await expect(copy).toBeFocused();

      await popup.keyboard.press(key);

      await expect(copy).toHaveAttribute('data-copied', 'true');
      // Read before the clipboard page opens: the toolbar popup closes when it loses focus.
      const shown = await popup.getByTestId('deeplink').textContent();
      expect(await readClipboard()).toBe(shown);
    });
  }

  test('Tab reaches every control of the popup in order, each with a visible focus ring', async ({ seedStorage, openPopupFor }) => {
    await seedStorage(DEMO_STORAGE);
    const popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('rate')).toBeVisible();
    await popup.getByTestId('paste-url').fill(sampleProductUrl('1005001111111111'));
    await expect(popup.getByText('Back to this tab')).toBeVisible();

    expectEveryControlInOrder(await tabThrough(popup));
  });

  test('Tab reaches every control of the options page in order, each with a visible focus ring', async ({ page, seedStorage, extensionId }) => {
    await seedStorage(DEMO_STORAGE);
    await openOptions(page, extensionId, { presets: 1 });
    await page.getByRole('button', { name: 'Add preset' }).click();
    await expect(page.getByRole('form', { name: 'Add preset' })).toBeVisible();

    expectEveryControlInOrder(await tabThrough(page));
  });

  test('a preset is added, and then deleted through its confirmation, from the keyboard', async ({ page, seedStorage, extensionId, readStorage }) => {
    await seedStorage(DEMO_STORAGE);
    await openOptions(page, extensionId, { presets: 1 });
    const presets = page.getByTestId('preset-list').getByRole('listitem');
    await expect(presets).toHaveCount(1);

    await page.getByRole('button', { name: 'Add preset' }).focus();
    await page.keyboard.press('Enter');
    // Focus goes into the new form: the first thing typed is the preset's name.
    await expect(page.getByLabel('Preset name')).toBeFocused();
    await page.keyboard.type('Newsletter');
    await page.keyboard.press('Enter');
    await expect(presets).toHaveCount(2);
    // The form is gone; the next Tab goes on from where it was, not from the top of the page.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Add preset' })).toBeFocused();
    await expect.poll(async () => ((await readStorage()).presets as { name: string }[]).map((preset) => preset.name)).toEqual(['Blog', 'Newsletter']);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await presets.filter({ hasText: 'Newsletter' }).getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');

    expect(dialogs).toEqual(['Delete "Newsletter"?']);
    await expect(presets).toHaveCount(1);
  });
});

test.describe("in the browser's language", () => {
  for (const lang of ['es', 'nl']) {
    test(`Chromium with --lang=${lang} shows the popup in that catalog, and axe passes`, async ({ sampleServer, headless }, testInfo) => {
      const messages = catalog(lang);
      const launched = await launchWithExtension({ serverPort: sampleServer.port, headless, snapshot: true, lang });
      try {
        const worker = await launched.serviceWorker();
        await worker.evaluate((items) => chrome.storage.local.set(items), DEMO_STORAGE);
        const tab = await launched.context.newPage();
        await tab.goto(productUrl);
        const { popup, disconnect } = await openToolbarPopup({ context: launched.context, tab, extensionId: launched.extensionId, cdpEndpoint: launched.cdpEndpoint });
        try {
          await expect(popup.getByTestId('copy')).toHaveText(messages.popup_copy!.message);
          await expect(popup.getByRole('button', { name: messages.popup_openOptions!.message })).toBeVisible();
          await expect(popup.getByText(messages.rate_why!.message)).toBeVisible();
          await expect(popup.getByText(messages.popup_pasteLabel!.message)).toBeVisible();
          // The text is Spanish or Dutch, and the page says so to screen readers and spell checkers.
          expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await popup.title()).toBe(messages.actionTitle!.message);

          await expectNoSeriousViolations(popup, 'light', testInfo, `popup-${lang}`, { legacy: true });
        } finally {
          await disconnect();
        }
      } finally {
        await launched.close();
      }
    });
  }
});
