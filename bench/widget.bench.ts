// widget-size: gzip bytes of the mark's first paint against the UI library's own runtime (VanJS, minified + gzip -9).
// widget-kit: gzip bytes of every script of the kit (first paint and what it loads on use), against the same floor.
// mark-render: time until 100 marks are verified (each must be genuine) and drawn in Chromium, against 100 plain elements
// with the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import type { PrivateJwk } from '../core/crypto';
import { decodeMark, signMark } from '../core/marks';
import { startFixtureServer } from '../test/support/fixture-server';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/support/chromium';
import { firstPaintFiles, scripts, sumGz, WIDGET_DIST as DIST } from '../test/support/widget-files';
import { paired, type Benchmark } from './types';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLES = resolve(ROOT, 'samples');
const gz = (b: Uint8Array | string) => gzipSync(b, { level: 9 }).length;
// Rounds of one marks page and one plain page, alternating; the ratio is the median of the rounds' own ratios, so a
// load spike slows one round's two sides alike and enough rounds let the median settle on a busy machine.
const RUNS = 15;
const MARKS = 100;

async function runtimeBytes(): Promise<number> {
  const out = await build({ stdin: { contents: "import van from 'vanjs-core'; van.add(document.body, van.tags.div());", resolveDir: ROOT },
    bundle: true, minify: true, format: 'esm', write: false });
  return gz(out.outputFiles[0]!.contents);
}

async function token(origin: string): Promise<string> {
  const d = decodeMark(readFileSync(resolve(SAMPLES, 'marks/youpin.jws'), 'utf8').trim());
  if (!d.ok) throw new Error(d.problem);
  return signMark({ ...d.payload, bind: { origin, path: '/bench/' } }, JSON.parse(readFileSync(resolve(SAMPLES, 'keys/demo-platform-2026.private.jwk.json'), 'utf8')) as PrivateJwk);
}

/** Time to the verified, drawn marks and to the plain page's first frame (ms): the floor's median, and ours as that × the median ratio. */
async function renderTimes(): Promise<{ ours: number; floor: number }> {
  const server = await startFixtureServer(0);
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const t = await token(origin);
  const trust = readFileSync(resolve(SAMPLES, 'trust/trust.jws'), 'utf8').trim();
  const root = readFileSync(resolve(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), 'utf8');
  const marks = Array.from({ length: MARKS }, () => `<xinbiao-mark token="${t}" trust="#t" trust-root="#r"></xinbiao-mark>`).join('\n');
  const plain = Array.from({ length: MARKS }, () => '<div>示例优品旗舰店 可信 · 营业执照 ✓ · 示例商城 已核验</div>').join('\n');
  const page = (body: string, script: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title>${script}
<script type="application/jose" id="t">${trust}</script><script type="application/jwk+json" id="r">${root}</script></head><body>${body}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.route('**/bench/*', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8',
      body: r.request().url().endsWith('marks.html') ? page(marks, '<script src="/dist/widget/xinbiao.js"></script>') : page(plain, '') }));
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await p.goto(`${origin}/bench/marks.html`);
      ours.push(await p.evaluate(async () => {
        await window.XinBiao!.ready;
        const all = [...document.querySelectorAll('xinbiao-mark')] as unknown as { rendered: Promise<void> }[];
        await Promise.all(all.map((m) => m.rendered));
        const at = performance.now();
        // Only verified marks count: a mark that failed to verify is drawn faster and would flatter the figure.
        const genuine = document.querySelectorAll('xinbiao-mark[data-outcome="genuine"]').length;
        return { at, genuine };
      }).then(({ at, genuine }) => {
        if (genuine !== MARKS) throw new Error(`${genuine} of ${MARKS} marks verified as genuine`);
        return at;
      }));
      await p.goto(`${origin}/bench/plain.html`);
      floor.push(await p.evaluate(() => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())))));
    }
    return paired(ours, floor);
  } finally {
    await browser.close();
    server.close();
  }
}

const bench: Benchmark = {
  name: 'widget',
  async run() {
    if (!readdirSync(DIST).includes('xinbiao.mjs')) throw new Error('dist/widget is not built (npm run build)');
    const times = await renderTimes();
    const runtime = await runtimeBytes();
    return [
      { name: 'widget-size', value: sumGz(firstPaintFiles()), unit: 'B', floor: runtime, valueBudget: 10_000 },
      { name: 'widget-kit', value: sumGz(scripts()), unit: 'B', floor: runtime, valueBudget: 25_000 },
      // Verifying 100 signatures and drawing 100 shadow roots against drawing 100 lines of text: ≤ 4× (2.8× measured idle).
      { name: 'mark-render', value: times.ours, unit: 'ms', floor: times.floor, budget: 4 },
    ];
  },
};
export default bench;
