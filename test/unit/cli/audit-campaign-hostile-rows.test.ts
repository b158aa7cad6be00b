// Result rows are written by workers on other machines: a row that names evidence outside its own folders must not make
// the report writer copy or embed files from elsewhere on its machine (a key beside the report, say). The report it
// writes is signed with --sign-key like a plain audit's, and a run on the demo data says so when it is enqueued.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCampaignReport } from '../../../cli/audit/queue/report';
import { migrateCampaigns } from '../../../cli/audit/queue/schema';
import { openDatabase, type Database } from '../../../server/db/database';
import { xinbiao as run, xinbiaoAsync } from '../../support/cli';
import { freshPostgres } from '../../support/postgres';

const SECRET = 'not for the report: private key material';

let work: string;
let db: Database;
let url: string;
/** `xinbiao audit report` of campaign h on the test database. */
const report = (...args: string[]) => xinbiaoAsync('audit')('report', '--queue', url, '--campaign', 'h', '--evidence', join(work, 'evidence'), ...args);
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'xinbiao-hostile-rows-'));
  url = await freshPostgres('xinbiao_hostile_rows');
  db = await openDatabase(url);
  await migrateCampaigns(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A page report as a worker stores it, with the evidence paths given. */
const page = (idx: number, evidence: Record<string, string>, findingEvidence: unknown = ['html']) => ({
  index: idx, input: `https://shop.example/${idx}`, url: `https://shop.example/${idx}`, status: 'ok', finishedAt: '2026-11-30T10:00:00.000+08:00',
  pageKind: 'shop', evidence, findings: [{ ruleId: 'licence-shown', outcome: 'violation', message: { zh: '未公示', en: 'not shown' }, evidence: findingEvidence, selector: 'html > body' }],
});

describe('a campaign report over hostile result rows', () => {
  it('neither crashes on a malformed finding, nor embeds a screenshot path that leaves the report folder nor copies evidence from outside the evidence folder', async () => {
    const evidence = join(work, 'evidence');
    const out = join(work, 'report');
    writeFileSync(join(work, 'secret.png'), SECRET);
    // A folder beside the evidence directory, shaped like a result's.
    mkdirSync(join(work, 'outside/pages/002'), { recursive: true });
    writeFileSync(join(work, 'outside/pages/002/leak.txt'), SECRET);

    await db.query("INSERT INTO audit_campaigns (id) VALUES ('h')");
    await db.query("INSERT INTO audit_runs (campaign, run, options) VALUES ('h', 1, $1)", [JSON.stringify({ timeout: 30000, retries: 0, jobTimeout: 60, jobRetries: 1 })]);
    for (const idx of [0, 1, 2]) {
      await db.query("INSERT INTO audit_listings (campaign, idx, input, url) VALUES ('h', $1, $2, $2)", [idx, `https://shop.example/${idx}`]);
    }
    await db.query("INSERT INTO audit_items (campaign, run, idx, status, page, evidence_dir, done_at) VALUES ('h', 1, 0, 'ok', $1, $2, now())",
      [JSON.stringify(page(0, { dir: 'pages/001', screenshot: '../secret.png' })), 'h/run-1/00000000-0000-4000-8000-000000000000']);
    await db.query("INSERT INTO audit_items (campaign, run, idx, status, page, evidence_dir, done_at) VALUES ('h', 1, 1, 'ok', $1, '../outside', now())",
      [JSON.stringify(page(1, { dir: 'pages/002' }))]);
    // A finding whose evidence is not a list of names would stop the whole report.
    await db.query("INSERT INTO audit_items (campaign, run, idx, status, page, evidence_dir, done_at) VALUES ('h', 1, 2, 'ok', $1, $2, now())",
      [JSON.stringify(page(2, { dir: 'pages/003' }, 'html')), 'h/run-1/00000000-0000-4000-8000-000000000002']);

    const r = await writeCampaignReport(db, { campaign: 'h', out, evidence });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(existsSync(join(out, 'pages/002/leak.txt'))).toBe(false);
    // Rows with a path out of the report or a malformed finding are not shown as results; the one with a foreign
    // evidence folder is, without evidence.
    expect(r.progress).toEqual({ campaign: 'h', run: 1, listings: 3, audited: 1, failed: 0, pending: 2 });
    expect(r.missingEvidence).toBe(1);
  }, 120_000);

  it('audit report --sign-key signs the campaign report as a plain audit does, and refuses a key that cannot sign', async () => {
    const keys = join(import.meta.dirname, '../../../samples/keys');
    const out = join(work, 'signed');
    const signed = await report('--out', out, '--sign-key', join(keys, 'demo-credit-office-2026.private.jwk.json'));
    expect(signed.code, signed.stderr).toBe(0);
    const ok = run('audit')('verify', out, '--key', join(keys, 'demo-credit-office-2026.public.jwk.json'));
    expect(ok.lines).toEqual([expect.objectContaining({ ok: true, signature: 'valid' })]);
    const other = run('audit')('verify', out, '--key', join(keys, 'demo-platform-2026.public.jwk.json'));
    expect(other.lines).toEqual([expect.objectContaining({ ok: false, signature: 'bad-signature' })]);

    const bad = await report('--out', join(work, 'not-signed'), '--sign-key', join(keys, 'demo-credit-office-2026.public.jwk.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^xinbiao audit: --sign-key .* 不是带 kid 的 Ed25519 私钥 JWK/);
    expect(existsSync(join(work, 'not-signed'))).toBe(false);
  }, 120_000);

  it('a new run (a --repeat too) without --trust and --lists says on stderr that it uses the demo data', async () => {
    const page = join(import.meta.dirname, '../../fixtures/pages/jd-item.html');
    const enqueue = (...args: string[]) => xinbiaoAsync('audit')('--queue', url, '--campaign', 'demo', '--quiet', ...args);
    const first = await enqueue(page);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('本轮使用演示信任列表和名单 / this run uses the DEMO trust list and lists');
    const again = await enqueue(page);
    expect(again.lines).toEqual([{ campaign: 'demo', run: 1, newRun: false, addedListings: 0, enqueued: 0 }]);
    expect(again.stderr).toBe('');
    const samples = join(import.meta.dirname, '../../../samples');
    const repeat = await enqueue('--repeat', '--trust', join(samples, 'trust/trust.jws'), '--trust-root', join(samples, 'keys/demo-root-2026.public.jwk.json'), '--lists', join(samples, 'lists'));
    expect(repeat.lines).toEqual([{ campaign: 'demo', run: 2, newRun: true, addedListings: 0, enqueued: 1 }]);
    expect(repeat.stderr).toBe('');
    const bare = await enqueue('--repeat');
    expect(bare.stderr).toContain('this run uses the DEMO trust list and lists');
  }, 120_000);
});
