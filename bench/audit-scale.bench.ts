// audit-scale: a campaign of 200 local fixture pages on the PostgreSQL queue, audited by 1, 2 and 4 worker processes
// (`xinbiao audit worker --concurrency 1` each), as ms per page from the workers' start to the last stored result
// (cost, so the ratio stays ours / floor). Floor: bare Playwright goto + screenshot over the same pages at the same
// total concurrency in one process. Budget (docs/audit.md): ratio ≤ 1.5. Also prints pages per minute and the scaling
// efficiency (throughput with N workers / (N × throughput with 1)). A time counts only when every page was audited
// by every rule. PostgreSQL: XINBIAO_BENCH_PG=postgres://… (a database it may fill), else a throwaway cluster.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIT_RULES } from '../core/audit';
import { openDatabase, type Database } from '../server/db/database';
import { startFixtureServer } from '../test/support/fixture-server';
import { gotoScreenshotFloor } from './support/goto-floor';
import type { Benchmark, BenchResult } from './types';

const PAGES = 200;
const WORKERS = [1, 2, 4];
const ROOT = resolve(import.meta.dirname, '..');
const FIX = join(ROOT, 'test/fixtures/audit');

const exited = (child: ChildProcess) => new Promise<number | null>((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', ok)));

function xinbiao(args: string[]): ChildProcess {
  return spawn('node', ['bin/xinbiao.js', 'audit', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A throwaway PostgreSQL (scripts/pg-cluster.mjs) unless XINBIAO_BENCH_PG names one. */
async function postgres(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.XINBIAO_BENCH_PG) return { url: process.env.XINBIAO_BENCH_PG, stop: async () => {} };
  const child = spawn('node', [join(ROOT, 'scripts/pg-cluster.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => { out += d; if (out.includes('\n')) ok(out.trim()); });
    child.once('exit', (code) => fail(new Error(`PostgreSQL did not start (exit ${code})`)));
  });
  return { url, stop: async () => { child.kill('SIGTERM'); await exited(child); } };
}

/** Throws unless every listing of the run has a stored, loaded page with a finding from every rule. */
async function assertAudited(db: Database, campaign: string, urls: readonly string[]): Promise<void> {
  const rows = await db.query<{ url: string; page: { status: string; error?: string; findings: { ruleId: string }[] } | null }>(
    'SELECT l.url, i.page FROM audit_items i JOIN audit_listings l USING (campaign, idx) WHERE i.campaign = $1 AND i.run = 1', [campaign]);
  const byUrl = new Map(rows.map((r) => [r.url, r.page]));
  for (const url of urls) {
    const page = byUrl.get(url);
    if (!page || page.status !== 'ok') throw new Error(`not audited: ${url}${page?.error ? ` (${page.error})` : ''}`);
    const missing = AUDIT_RULES.map((r) => r.id).filter((id) => !page.findings.some((f) => f.ruleId === id));
    if (missing.length) throw new Error(`${url}: no finding for ${missing.join(', ')}`);
  }
}

/** Enqueues the pages as a campaign (not timed), then times `workers` processes until every result is stored. */
async function ours(db: Database, queue: string, campaign: string, urls: string[], workers: number, evidence: string): Promise<number> {
  const enqueue = xinbiao(['--queue', queue, '--campaign', campaign, '--retries', '0', '--quiet', ...urls]);
  if ((await exited(enqueue)) !== 0) throw new Error(`enqueue failed for ${campaign}`);
  const t0 = performance.now();
  const procs = Array.from({ length: workers }, (_, i) => xinbiao(['worker', '--queue', queue, '--evidence', evidence, '--concurrency', '1', '--quiet', '--name', `${campaign}-${i}`]));
  let errors = '';
  for (const p of procs) p.stderr!.on('data', (d) => { errors = (errors + d).slice(-2000); });
  try {
    for (;;) {
      const [row] = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_items WHERE campaign = $1 AND page IS NOT NULL', [campaign]);
      if (Number(row!.n) >= urls.length) break;
      if (procs.every((p) => p.exitCode !== null)) throw new Error(`every worker ended before the campaign was done: ${errors}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    return performance.now() - t0;
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map(exited));
  }
}

const bench: Benchmark = {
  name: 'audit-scale',
  async run() {
    const server = await startFixtureServer(0);
    const pg = await postgres();
    const work = mkdtempSync(join(tmpdir(), 'xinbiao-bench-scale-'));
    const db = await openDatabase(pg.url, { poolSize: 2 });
    try {
      const port = (server.address() as AddressInfo).port;
      const files = readdirSync(FIX).filter((f) => f.endsWith('.html')).sort();
      // Each run its own addresses, so nothing is served from a cache.
      const urls = (tag: string) => Array.from({ length: PAGES }, (_, i) => `http://127.0.0.1:${port}/audit/${files[i % files.length]}?${tag}=${i}`);
      await gotoScreenshotFloor(urls('warm').slice(0, 4), 2);
      const results: BenchResult[] = [];
      const perMinute: number[] = [];
      for (const n of WORKERS) {
        const campaign = `bench-scale-${n}w-${Date.now()}`;
        const list = urls(campaign);
        const f = await gotoScreenshotFloor(urls(`floor${n}`), n);
        const o = await ours(db, pg.url, campaign, list, n, join(work, 'evidence'));
        await assertAudited(db, campaign, list);
        perMinute.push((PAGES / o) * 60_000);
        results.push({ name: `audit-scale-${n}w`, value: o / PAGES, unit: 'ms/page', floor: f / PAGES, budget: 1.5 });
      }
      const eff = WORKERS.map((n, i) => `${n} worker${n > 1 ? 's' : ''} ${perMinute[i]!.toFixed(1)} pages/min${i ? ` (scaling efficiency ${(perMinute[i]! / (n * perMinute[0]!)).toFixed(2)})` : ''}`);
      console.log(`  audit-scale: ${eff.join('; ')}; ${PAGES} pages, ${availableParallelism()} cores`);
      return results;
    } finally {
      await db.close();
      await pg.stop();
      server.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
export default bench;
