// The extension in Chromium: content-idle (what the content script costs on a listed page that holds no shop, where
// only its small first part runs and stops, against an empty content script listed for the same pages) and badge (navigation start to the badge drawn on a recorded shop page with the lists warm,
// against the same page's own load without the extension). Needs `npm run build` first.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright';
import { launchWithExtension, serviceWorkerOf } from '../test/support/extension';
import { startFixtureServer } from '../test/support/fixture-server';
import { median, paired, type Benchmark, type BenchResult } from './types';

const EXT = resolve(import.meta.dirname, '../.output/chrome-mv3');
const RUNS = 9;
// Page loads in each browser for content-idle: its floor is tens of microseconds, so single loads are noisy.
const IDLE_PAIRS = 25;

/** An extension like ours in every way that matters here (same listed pages, same run_at), whose content script is empty. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xb-empty-ext-'));
  writeFileSync(join(dir, 'empty.js'), '');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'empty', version: '1.0.0',
    content_scripts: [{ matches: ['http://127.0.0.1/sites/jd/*'], js: ['empty.js'], run_at: 'document_idle' }],
  }));
  return dir;
}

async function withContext<T>(extension: string | undefined, run: (c: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'xb-bench-'));
  const context = await launchWithExtension(profile, extension);
  try {
    return await run(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Main-thread script time (CDP ScriptDuration, content scripts included) of loading a page and letting it go idle. */
async function scriptMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 1000 })));
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

// Records, in the page, when the extension's badge host first exists (its closed shadow root is drawn before the
// host is attached, so the host's arrival is the badge's).
const WATCH_BADGE = `(() => {
  const look = () => {
    // The host's name is new on every load: any element with an unknown custom name is the badge's.
    if ([...document.querySelectorAll('*')].some((e) => e.localName.includes('-') && e.localName !== 'xinbiao-mark' && !customElements.get(e.localName))) window.__badgeAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

async function waitForLists(context: BrowserContext): Promise<void> {
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(async () => {
    for (;;) {
      if ((await indexedDB.databases()).some((d) => d.name === 'xinbiao-lists')) {
        const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xinbiao-lists'); r.onsuccess = () => ok(r.result); });
        const n = db.objectStoreNames.contains('lists') ? await new Promise<number>((ok) => { const r = db.transaction('lists').objectStore('lists').count(); r.onsuccess = () => ok(r.result); }) : 0;
        db.close();
        if (n >= 4) return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });
}

const bench: Benchmark = {
  name: 'extension',
  async run(): Promise<BenchResult[]> {
    if (!existsSync(resolve(EXT, 'manifest.json'))) throw new Error('build the extension first (npm run build)');
    const server = await startFixtureServer(0);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const empty = emptyExtension();
    try {
      // A JD help page: inside the listed JD pages, no shop on it.
      const plain = `${origin}/sites/jd/no-shop.html`;
      // Both browsers stay open and load the page in turn (paired).
      const { ours, floor } = await withContext(EXT, (withOurs) => withContext(empty, async (withEmpty) => {
        await scriptMs(withOurs, plain); // warm-up: caches, first compile
        await scriptMs(withEmpty, plain);
        const o: number[] = [], f: number[] = [];
        for (let i = 0; i < IDLE_PAIRS; i++) {
          o.push(await scriptMs(withOurs, plain));
          f.push(await scriptMs(withEmpty, plain));
        }
        return paired(o, f);
      }));

      const shop = `${origin}/sites/tmall/shop.html`;
      const badgeMs = await withContext(EXT, async (c) => {
        await waitForLists(c);
        await c.addInitScript(WATCH_BADGE);
        const runs: number[] = [];
        for (let i = 0; i < RUNS + 1; i++) {
          const page = await c.newPage();
          await page.goto(shop);
          await page.waitForFunction(() => (window as unknown as { __badgeAt?: number }).__badgeAt !== undefined, undefined, { timeout: 15_000 });
          if (i > 0) runs.push(await page.evaluate(() => (window as unknown as { __badgeAt: number }).__badgeAt)); // first visit warms the caches
          await page.close();
        }
        return median(runs);
      });
      const loadMs = await withContext(undefined, async (c) => {
        const runs: number[] = [];
        for (let i = 0; i < RUNS + 1; i++) {
          const page = await c.newPage();
          await page.goto(shop, { waitUntil: 'load' });
          const end = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
          if (i > 0) runs.push(end);
          await page.close();
        }
        return median(runs);
      });
      return [
        // The first part runs on every listed page, so it must stay close to nothing: ≤ 10× an empty content script.
        { name: 'content-idle', value: ours, unit: 'ms', floor, budget: 10 },
        // Badge drawn (detection, lookup, shadow root) against the page's own load: ≤ 5× (3.6× measured idle).
        { name: 'badge', value: badgeMs, unit: 'ms', floor: loadMs, budget: 5 },
      ];
    } finally {
      rmSync(empty, { recursive: true, force: true });
      server.close();
    }
  },
};
export default bench;
