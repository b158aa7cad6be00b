import { test as base, type BrowserContext, type Page, type Worker } from 'playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import { EXT_DIR, launchWithExtension, serviceWorkerOf } from '../../support/extension';

// Code passed to serviceWorker.evaluate / extension pages runs where the extension API is the global `chrome`.
declare global {
  // eslint-disable-next-line no-var
  var chrome: typeof Browser;
}

export { EXT_DIR };

export const test = base.extend<{ context: BrowserContext; serviceWorker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'xb-ext-'));
    const context = await launchWithExtension(userDataDir);
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const sw = await serviceWorkerOf(context);
    // The sample lists are imported on install: wait until every bundled subscription has succeeded (a failure
    // fails at once, with its reason); the test's own timeout bounds the wait.
    await sw.evaluate(async () => {
      const read = async () => {
        // Opening a missing database would create it empty at version 1 and keep the extension's upgrade from running.
        if (!(await indexedDB.databases()).some((d) => d.name === 'xinbiao-lists')) return [];
        const db = await new Promise<IDBDatabase>((ok, fail) => { const r = indexedDB.open('xinbiao-lists'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
        try {
          if (!db.objectStoreNames.contains('subscriptions')) return [];
          return await new Promise<{ url: string; lastSuccess?: string; lastError?: { en: string } }[]>((ok) => { const r = db.transaction('subscriptions').objectStore('subscriptions').getAll(); r.onsuccess = () => ok(r.result); });
        } finally {
          db.close();
        }
      };
      for (;;) {
        const bundled = (await read()).filter((s) => s.url.startsWith(`chrome-extension://${location.host}/`));
        const failed = bundled.find((s) => s.lastError && !s.lastSuccess);
        if (failed) throw new Error(`sample list ${failed.url} failed: ${failed.lastError!.en}`);
        if (bundled.length >= 4 && bundled.every((s) => s.lastSuccess)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
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
  const path = resolve('node_modules/axe-core/axe.min.js');
  // Extension pages forbid inline scripts (MV3 CSP), so there axe is evaluated through the debugger protocol instead.
  if (page.url().startsWith('chrome-extension://')) await page.evaluate(readFileSync(path, 'utf8'));
  else await page.addScriptTag({ path });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    const r = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id);
  }, include);
}

/** Waits until the background stored its report for a page (the popup's view of the tab), and returns it. */
export async function storedReport(sw: Worker, url: string): Promise<{ url: string; subjects: { name: string; level: string }[] }> {
  return sw.evaluate(async (want) => {
    for (;;) {
      const all = await chrome.storage.session.get(null);
      const hit = Object.values(all).find((r) => (r as { url?: string } | null)?.url === want);
      if (hit) return hit as { url: string; subjects: { name: string; level: string }[] };
      await new Promise((r) => setTimeout(r, 50));
    }
  }, url);
}
