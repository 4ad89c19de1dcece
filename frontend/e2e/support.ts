import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What every walk through the app shares: one page for the whole spec, the check that the page
// threw nothing, axe, the docs' screenshots, and the locators every spec uses.

export const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** page is the walk's one page, opened by onePage's beforeAll (a live binding for the specs). */
export let page: Page;
let pageErrors: string[] = [];

/**
 * onePage registers the hooks of a spec that walks through the app on one page: it opens the page
 * before the first step (in timezoneId when given, then runs opened), and fails any step during
 * which the page threw.
 */
export function onePage({ timezoneId, opened }: { timezoneId?: string; opened?: () => void } = {}) {
  test.beforeAll(async ({ browser }, info) => {
    const use = info.project.use;
    // One page for the whole walk (AxeBuilder wants a page of a context made with newContext).
    const context = await browser.newContext({
      baseURL: use.baseURL, viewport: use.viewport ?? { width: 1366, height: 860 }, ...(timezoneId ? { timezoneId } : {}),
    });
    page = await context.newPage();
    pageErrors = [];
    opened?.();
    page.on('pageerror', (e) => {
      // Wails' dev ipc.js sometimes trips over a missing node while the page loads: not ours.
      if (e.message.includes("Cannot read properties of null (reading 'nodes')")) return;
      pageErrors.push(e.message);
    });
  });

  test.afterEach(() => {
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'errors thrown in the page').toEqual([]);
  });

  test.afterAll(async () => {
    await page?.context().close();
  });
}

/** settle waits until no transition or finite animation runs (modals and drawers slide in). */
export async function settle() {
  // Two frames first, so that transitions a change has just caused have started.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}

export async function setScheme(scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
  await settle();
}

/** readable writes an axe violation as a few lines: rule, impact, help, then each node. */
function readable(v: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]): string {
  const nodes = v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  return `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes.join('\n')}`;
}

/** a11y runs axe on what is on screen now: in the light scheme, and in the dark one too when asked. */
export async function a11y(where: string, schemes: ('light' | 'dark')[] = ['light']) {
  // No open dropdown: a listbox that is about to close is not what the admin sees.
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await settle();
  for (const scheme of schemes) {
    await setScheme(scheme);
    const results = await new AxeBuilder({ page }).analyze();
    expect.soft(results.violations.map(readable), `axe violations on ${where} (${scheme} scheme)`).toEqual([]);
  }
  if (schemes.includes('dark')) await setScheme('light');
}

/** screenshot writes the picture itself: no passing notification, hovered row or focused field. */
export async function screenshot(name: string) {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await settle();
  await page.screenshot({
    path: path.join(shots, name),
    animations: 'disabled',
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}

/**
 * shot writes a screenshot for the docs. With fit (a dialog, or 'page'), the window grows so that
 * all of it shows, without a scrollbar.
 */
export async function shot(name: string, fit?: Locator | 'page') {
  const viewport = page.viewportSize()!;
  if (fit === 'page') {
    // A window as tall as the page, so the fixed navigation runs down the whole picture.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  } else if (fit) {
    const height = await fit.evaluate((e) => e.scrollHeight);
    // Modals keep a margin above and below (5% of the window each).
    await page.setViewportSize({ width: viewport.width, height: Math.max(Math.ceil(height / 0.88), viewport.height) });
  }
  await screenshot(name);
  if (fit) await page.setViewportSize(viewport);
}

export const nav = () => page.getByRole('navigation', { name: 'Main' });
export const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
/** bodyRows are a table's rows with cells (not its header). */
export const bodyRows = (table: Locator) => table.getByRole('row').filter({ has: page.getByRole('cell') });
/** described is the value a description list gives a term. */
export const described = (scope: Locator, term: string) =>
  scope.locator('dt').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
/** notice is a notification (bottom right) with the text. */
export const notice = (text: string | RegExp) => page.locator('.mantine-Notifications-root').getByRole('alert').filter({ hasText: text });

/** pick chooses an option of a select, typing search first when given. */
export async function pick(field: Locator, option: string, search?: string) {
  await field.click();
  if (search) await field.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(field).toHaveValue(option);
  await expect(field).not.toHaveAttribute('aria-expanded', 'true');
}
