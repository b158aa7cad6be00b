// A campaign on the real queue: three worker processes on one PostgreSQL, one killed (SIGKILL) in the middle of a
// page; then a second run of the same campaign after some pages changed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freshPostgres } from '../../support/postgres';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/audit');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')).pages as Record<string, Record<string, string>>;
// Pages whose outcomes do not depend on the address they are served from (their marks are bound to the e2e port).
const STATIC = ['missing-licence.html', 'buried-licence.html', 'blacklisted.html', 'blacklisted-warned.html', 'individual-undeclared.html', 'home-ok.html'];
// Addresses whose page changes between the runs: [path, page in run 1, page in run 2]. `/` is a homepage address.
const CHANGING: [string, string, string][] = [['/shop/a', 'bad-uscc.html', 'buried-licence.html'], ['/shop/b', 'missing-licence.html', 'missing-licence.html'], ['/', 'home-missing.html', 'home-ok.html']];

interface Proc { child: ChildProcess; stdout: string; stderr: string; exit: Promise<number | null> }

function xinbiao(args: string[]): Proc {
  const child = spawn('node', ['bin/xinbiao.js', 'audit', ...args], { cwd: ROOT });
  const p: Proc = { child, stdout: '', stderr: '', exit: new Promise((ok) => child.on('exit', (code) => ok(code))) };
  child.stdout!.on('data', (d) => { p.stdout += d; });
  child.stderr!.on('data', (d) => { p.stderr += d; });
  return p;
}
const lines = (p: Proc) => p.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const outcomes = (findings: { ruleId: string; outcome: string }[]) => Object.fromEntries(findings.map((f) => [f.ruleId, f.outcome]));

let server: Server;
let base: string;
let run = 1;
let queue: string;
let work: string;

beforeAll(async () => {
  queue = await freshPostgres('xinbiao_campaign');
  work = mkdtempSync(join(tmpdir(), 'xinbiao-campaign-'));
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const changing = CHANGING.find(([p]) => p === path);
    const file = changing ? changing[run] : STATIC.find((f) => path === `/audit/${f}`);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIX, file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => {
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const urls = () => [...STATIC.map((f) => `${base}/audit/${f}`), ...CHANGING.map(([p]) => `${base}${p}`)];
const pageOf = (url: string): string => STATIC.find((f) => url.endsWith(`/audit/${f}`)) ?? CHANGING.find(([p]) => url === `${base}${p}`)![run]!;
const worker = (name: string) => xinbiao(['worker', '--queue', queue, '--evidence', join(work, 'evidence'), '--concurrency', '1', '--sweep', '1', '--idle-exit', '3', '--name', name]);

describe('audit campaigns on the PostgreSQL queue', () => {
  it('three workers, one killed mid-page: every listing is audited exactly once, with exactly the expected findings', async () => {
    const enqueue = xinbiao(['--queue', queue, '--campaign', 'spot-2026', '--retries', '0', '--timeout', '15000', '--job-timeout', '12', ...urls()]);
    expect(await enqueue.exit, enqueue.stderr).toBe(0);
    expect(lines(enqueue)).toEqual([{ campaign: 'spot-2026', run: 1, newRun: true, addedListings: 9, enqueued: 9 }]);
    // Enqueueing the same listings again sends nothing.
    const again = xinbiao(['--queue', queue, '--campaign', 'spot-2026', ...urls().slice(0, 3)]);
    expect(await again.exit, again.stderr).toBe(0);
    expect(lines(again)).toEqual([{ campaign: 'spot-2026', run: 1, newRun: false, addedListings: 0, enqueued: 0 }]);

    const doomed = worker('w1');
    // Killed right after it took a page and before it stored anything: the job stays active until it expires.
    const killedOn = await new Promise<string>((ok) => doomed.child.stderr!.on('data', () => {
      const m = /: 开始 \/ start spot-2026 run 1 #(\d+) (\S+)/.exec(doomed.stderr);
      if (m && doomed.child.exitCode === null && !doomed.child.killed) { doomed.child.kill('SIGKILL'); ok(m[2]!); }
    }));
    expect(await doomed.exit).toBe(null);
    expect(lines(doomed)).toEqual([]);
    const others = [worker('w2'), worker('w3')];
    for (const w of others) expect(await w.exit, w.stderr).toBe(0);

    // Each listing printed once over all the workers, the killed one's page by another worker.
    const printed = others.flatMap(lines);
    expect(printed.map((l) => l.url).sort()).toEqual(urls().sort());
    expect(printed.some((l) => l.input === killedOn)).toBe(true);
    for (const l of printed) expect(outcomes(l.findings), l.url).toEqual(expected[pageOf(l.url)]);

    const db = new pg.Client({ connectionString: queue });
    await db.connect();
    try {
      const rows = (await db.query("SELECT l.url, i.worker FROM audit_items i JOIN audit_listings l USING (campaign, idx) WHERE i.campaign = 'spot-2026' AND i.run = 1 AND i.page IS NOT NULL")).rows;
      expect(rows.map((r) => r.url).sort()).toEqual(urls().sort());
      expect(new Set(rows.map((r) => r.worker))).not.toContain('w1');
      expect(rows.find((r) => r.url === killedOn)?.worker).toMatch(/^w[23]$/);
    } finally {
      await db.end();
    }

    const out = join(work, 'report-1');
    const report = xinbiao(['report', '--queue', queue, '--campaign', 'spot-2026', '--out', out, '--evidence', join(work, 'evidence')]);
    expect(await report.exit, report.stderr).toBe(0);
    expect(lines(report)).toEqual([{ campaign: 'spot-2026', run: 1, listings: 9, audited: 9, failed: 0, pending: 0, previousRun: null, changes: { new: 0, fixed: 0, persisting: 0 }, out }]);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.pages.map((p: { url: string }) => p.url).sort()).toEqual(urls().sort());
    for (const p of json.pages) {
      expect(outcomes(p.findings), p.url).toEqual(expected[pageOf(p.url)]);
      expect(readFileSync(join(out, p.evidence.screenshot)).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 240_000);

  it('a repeated run reports what is new, fixed and persisting since the previous run', async () => {
    run = 2;
    const enqueue = xinbiao(['--queue', queue, '--campaign', 'spot-2026', '--repeat', '--retries', '0', '--timeout', '15000']);
    expect(await enqueue.exit, enqueue.stderr).toBe(0);
    expect(lines(enqueue)).toEqual([{ campaign: 'spot-2026', run: 2, newRun: true, addedListings: 0, enqueued: 9 }]);

    const pending = join(work, 'report-2-pending');
    const early = xinbiao(['report', '--queue', queue, '--campaign', 'spot-2026', '--out', pending, '--evidence', join(work, 'evidence')]);
    expect(await early.exit, early.stderr).toBe(0);
    expect(lines(early)[0]).toMatchObject({ run: 2, listings: 9, audited: 0, pending: 9, previousRun: 1 });

    const w = xinbiao(['worker', '--queue', queue, '--evidence', join(work, 'evidence'), '--concurrency', '2', '--idle-exit', '2']);
    expect(await w.exit, w.stderr).toBe(0);
    const out = join(work, 'report-2');
    const report = xinbiao(['report', '--queue', queue, '--campaign', 'spot-2026', '--out', out, '--evidence', join(work, 'evidence')]);
    expect(await report.exit, report.stderr).toBe(0);

    // By hand: /shop/a went from a bad code to a buried licence, / got its query windows, /shop/b did not change;
    // every problem of the unchanged pages persists.
    const staticProblems = STATIC.flatMap((f) => Object.entries(expected[f]!).filter(([, o]) => o === 'violation' || o === 'needs-review').map(([rule]) => `${base}/audit/${f} ${rule} persisting`));
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.campaign.changes.map((c: { url: string; ruleId: string; change: string }) => `${c.url} ${c.ruleId} ${c.change}`).sort()).toEqual([
      `${base}/shop/a uscc-valid fixed`,
      `${base}/shop/a licence-prominent new`,
      `${base}/shop/b licence-shown persisting`,
      `${base}/shop/b identity-mark-shown persisting`,
      `${base}/shop/b credit-level-shown persisting`,
      `${base}/ query-windows fixed`,
      ...staticProblems,
    ].sort());
    expect(lines(report)[0]).toMatchObject({ run: 2, audited: 9, pending: 0, previousRun: 1, changes: { new: 1, fixed: 2, persisting: 3 + staticProblems.length } });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Since run 1');
    expect(html).toMatch(/data-count="fixed">2</);
  }, 240_000);
});
