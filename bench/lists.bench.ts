// list-import: 1,000,000 signed entries streamed through the importer into Chromium's IndexedDB, against a bare
// idb bulk put of the same rows; list-lookup: p99 of 10,000 random LocalLists lookups against a bare get by key.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/support/chromium';
import type { Benchmark } from './types';

const N = Number(process.env.LIST_BENCH_ENTRIES ?? 1_000_000);
const LOOKUPS = 10_000;
// Rows per transaction, the same for the importer and the floor.
const BATCH = Number(process.env.LIST_BENCH_BATCH ?? 5_000);
const HARNESS = resolve(import.meta.dirname, '../test/fixtures/lists-harness');
// Served by page.route only: no server runs, but 127.0.0.1 is a secure context, which WebCrypto needs.
const ORIGIN = 'http://127.0.0.1:4199';

declare const harness: any;

const bench: Benchmark = {
  name: 'list-import',
  async run() {
    const [html, js] = await Promise.all([
      readFile(resolve(HARNESS, 'index.html'), 'utf8'),
      build({ entryPoints: [resolve(HARNESS, 'harness.ts')], bundle: true, minify: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text),
    ]);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.route(`${ORIGIN}/**`, (route) =>
        route.request().url().endsWith('.js') ? route.fulfill({ contentType: 'text/javascript', body: js }) : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForFunction(() => typeof (globalThis as { harness?: unknown }).harness === 'object');
      await page.evaluate((n) => harness.build('bench', { id: 'bench' }, n, 0), N);
      const floor: number = await page.evaluate(([n, b]) => harness.floorPut(n, b), [N, BATCH]);
      const ours = await page.evaluate((b) => harness.timed('bench', b), BATCH);
      if (ours.error || ours.count !== N) throw new Error(`import failed: ${ours.error ?? ours.count}${ours.detail ? ` (${ours.detail})` : ""}`);
      const look: { p99: number; floor: number } = await page.evaluate(([n, k]) => harness.lookups(n, k), [N, LOOKUPS]);
      return [
        { name: 'list-import', value: ours.ms / 1000, unit: 's', floor: floor / 1000, budget: 2.0 },
        { name: 'list-lookup', value: look.p99, unit: 'ms', floor: look.floor, valueBudget: 2 },
      ];
    } finally {
      await browser.close();
    }
  },
};
export default bench;
