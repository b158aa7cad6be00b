import { test as base, chromium, type BrowserContext, type Page, type Worker } from 'playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../support/chromium';

export const EXT_DIR = resolve('.output/chrome-mv3'); // built by `npm run build` beforehand

export const test = base.extend<{ context: BrowserContext; serviceWorker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'xb-ext-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: !process.env.HEADED,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    // The sample lists are imported on install; wait until all four are in force.
    await sw.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const db = await new Promise<IDBDatabase>((ok, fail) => { const r = indexedDB.open('xinbiao-lists'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
        const n = db.objectStoreNames.contains('lists') ? await new Promise<number>((ok) => { const r = db.transaction('lists').objectStore('lists').count(); r.onsuccess = () => ok(r.result); }) : 0;
        db.close();
        if (n >= 4) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('sample lists were not imported');
    });
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});
export const expect = test.expect;

/** The badge button inside the extension's shadow root (Playwright locators pierce open shadow roots). */
export const badge = (page: Page) => page.locator('xinbiao-badge [data-testid="xinbiao-badge"]');

/** Runs axe-core in the page on the given shadow host and returns the violation ids. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    const r = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id);
  }, include);
}
