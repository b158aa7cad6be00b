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

/** What the extension drew on a page, as its own isolated world sees it (the page cannot reach the closed shadow root). */
export interface BadgeView {
  /** Badges the extension drew and keeps (extension/runtime/mount-badge.tsx drawnBadges). */
  count: number;
  connected: boolean;
  visible: boolean;
  level?: string;
  button?: string;
  dialog?: string;
  dialogOpen: boolean;
  links: string[];
  images: number;
  /** The badge's box in CSS px of the viewport, and the viewport's width. */
  box?: { left: number; right: number; viewport: number };
  /** The host element's name (new on every page load), attributes and light-DOM text, as the page would see them. */
  host?: { tag: string; attrs: Record<string, string>; text: string };
  /** What is hit at the centre of the badge's box: true when it is our host (nothing of the page lies over it). */
  onTop?: boolean;
  /** Times the badge was put back after the page removed it, and raised into the top layer because it was covered. */
  redraws?: number;
  raised?: number;
  /** The badge button's computed background colour (the theme it is drawn in). */
  background?: string;
}

/** The tab showing this page (asked from the background). */
export const tabIdOf = (sw: Worker, url: string): Promise<number | undefined> =>
  sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);

/**
 * Runs `act` ('read', 'click' or 'focus' on the badge's button) in the extension's isolated world of the page's top
 * frame, through chrome.scripting from the service worker: the way in that tests have and the page has not.
 */
export async function badgeView(sw: Worker, page: Page, act: 'read' | 'click' | 'focus' = 'read'): Promise<BadgeView> {
  return sw.evaluate(async ([u, a]) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      args: [a],
      func: (what: string) => {
        const all = (globalThis as { __xinbiaoBadges?: { host: HTMLElement; root: ShadowRoot; guard: { redraws: number }; raised: number }[] }).__xinbiaoBadges ?? [];
        const b = all[all.length - 1];
        const root = b?.root;
        const button = root?.querySelector<HTMLButtonElement>('[data-testid="xinbiao-badge"] button');
        const r = root?.querySelector<HTMLElement>('[data-testid="xinbiao-badge"]')?.getBoundingClientRect();
        if (what === 'click') button?.click();
        if (what === 'focus') button?.focus();
        const dialog = root?.querySelector('dialog');
        return {
          count: all.length,
          connected: !!b?.host.isConnected,
          visible: !!b && b.host.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          level: root?.querySelector<HTMLElement>('[data-testid="xinbiao-badge"]')?.dataset.level,
          button: button?.textContent ?? undefined,
          dialog: dialog?.textContent ?? undefined,
          dialogOpen: !!dialog?.open,
          links: [...(dialog?.querySelectorAll('a') ?? [])].map((l) => `${l.textContent} ${l.href}`),
          images: root?.querySelectorAll('img').length ?? 0,
          box: r ? { left: r.left, right: r.right, viewport: document.documentElement.clientWidth } : undefined,
          host: b ? { tag: b.host.localName, attrs: Object.fromEntries([...b.host.attributes].map((a) => [a.name, a.value])), text: b.host.textContent ?? '' } : undefined,
          onTop: r && r.width > 0 ? document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === b!.host : undefined,
          redraws: b?.guard.redraws,
          raised: b?.raised,
          background: button ? getComputedStyle(button).backgroundColor : undefined,
        };
      },
    });
    return res!.result as BadgeView;
  }, [page.url(), act] as const);
}

/** Polls the badge until it matches (level, texts…): `await badgeIs(sw, page, { level: 'good' })`. */
export const badgeIs = (sw: Worker, page: Page, want: Partial<Record<keyof BadgeView, unknown>>) =>
  expect.poll(() => badgeView(sw, page), { timeout: 10_000 }).toMatchObject(want);

/** The toolbar button's state for the page's tab (badge text, colour, title), read from the service worker. */
export async function toolbarOf(sw: Worker, page: Page): Promise<{ text: string; colour: number[]; title: string }> {
  return sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const tabId = tab!.id!;
    const [text, colour, title] = await Promise.all([
      chrome.action.getBadgeText({ tabId }), chrome.action.getBadgeBackgroundColor({ tabId }), chrome.action.getTitle({ tabId }),
    ]);
    return { text, colour: [...colour], title };
  }, page.url());
}

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

/** The text of every element matching `selector` inside the last badge's closed shadow root (read in the extension's world). */
export async function badgeText(sw: Worker, page: Page, selector: string): Promise<string[]> {
  return sw.evaluate(async ([u, sel]) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      args: [sel],
      func: (s: string) => {
        const all = (globalThis as { __xinbiaoBadges?: { root: ShadowRoot }[] }).__xinbiaoBadges ?? [];
        return [...(all[all.length - 1]?.root.querySelectorAll(s) ?? [])].map((e) => e.textContent ?? '');
      },
    });
    return res!.result as string[];
  }, [page.url(), selector] as const);
}

/** Polls the joined text of `selector` inside the badge until the check passes. */
export const badgeTextOf = (sw: Worker, page: Page, selector: string) =>
  expect.poll(async () => (await badgeText(sw, page, selector)).join('\n'), { timeout: 10_000 });

/** The badge's box (viewport CSS px) and the page text it lies over, measured against every text node of the page. */
export interface BadgeCover {
  box?: { left: number; top: number; right: number; bottom: number; width: number; height: number; viewport: number };
  /** Texts of the page (trimmed, first 40 characters) whose line boxes overlap the badge's box. */
  covered: string[];
}

/** Measures where the badge is drawn and what page text lies under it (read in the extension's isolated world). */
export async function badgeCover(sw: Worker, page: Page): Promise<BadgeCover> {
  return sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => {
        const all = (globalThis as { __xinbiaoBadges?: { host: HTMLElement; root: ShadowRoot }[] }).__xinbiaoBadges ?? [];
        const b = all[all.length - 1];
        const r = b?.root.querySelector<HTMLElement>('[data-testid="xinbiao-badge"]')?.getBoundingClientRect();
        if (!r) return { covered: [] };
        const covered: string[] = [];
        const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.nodeValue?.trim() ?? '';
          if (!text || n.parentElement?.closest('script,style,noscript,template')) continue;
          range.selectNodeContents(n);
          // A line box overlapping the badge by more than a pixel each way: the badge hides some of that text.
          const hit = [...range.getClientRects()].some((t) => t.width > 0 && t.height > 0
            && Math.min(t.right, r.right) - Math.max(t.left, r.left) > 1 && Math.min(t.bottom, r.bottom) - Math.max(t.top, r.top) > 1);
          if (hit) covered.push(text.slice(0, 40));
        }
        return { box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, viewport: document.documentElement.clientWidth }, covered };
      },
    });
    return res!.result as { box?: { left: number; top: number; right: number; bottom: number; width: number; height: number; viewport: number }; covered: string[] };
  }, page.url());
}

/**
 * Answers a platform's real addresses from the fixture server through the browser's router, so that an address
 * carries the shop id as it does on the platform and nothing reaches the network. `pages` maps each real address
 * to a fixture path; any other address of the same hosts answers 404. Returns every request of the browser that is
 * neither a routed address, the fixture server's nor the extension's own.
 */
export async function servePlatformPages(context: BrowserContext, baseURL: string, hosts: RegExp, pages: Record<string, string>): Promise<string[]> {
  const elsewhere: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!hosts.test(url) && !url.startsWith(`${baseURL}/`) && !url.startsWith('chrome-extension://')) elsewhere.push(url);
  });
  await context.route(hosts, async (route) => {
    const path = pages[route.request().url()];
    if (!path) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ response: await route.fetch({ url: `${baseURL}${path}` }) });
  });
  return elsewhere;
}
