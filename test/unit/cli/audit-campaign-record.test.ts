// What a campaign records on the real queue: the draw (seed, sample, weights, inspectors, operator, population), the
// lists it refused, and the jobs the queue gave up on.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadContext } from '../../../cli/audit/context';
import { planRun } from '../../../cli/audit/plan';
import { seedOf } from '../../../cli/audit/sample';
import { parseCsv } from '../../../core/audit/csv';
import { CREDIT_CLASSES_OF, CREDIT_DRAWN, CREDIT_POPULATION, CREDIT_WEIGHTS, populationList } from '../../support/credit-population';
import { xinbiaoAsync, type Ran } from '../../support/cli';
import { freshPostgres } from '../../support/postgres';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/audit');
const POPULATION = CREDIT_POPULATION;
const CLASSES = CREDIT_CLASSES_OF;
const WEIGHTS = CREDIT_WEIGHTS;
const INSPECTORS = { inspectors: [{ id: 'SH-01', name: '王一' }, { id: 'SH 02', name: '李二' }, { id: 'SH-03' }], perListing: 2 };

const xinbiao = (args: string[]) => xinbiaoAsync('audit')(...args);
const lines = (r: Ran) => r.lines;

let queue: string;
let work: string;
beforeAll(async () => {
  queue = await freshPostgres('xinbiao_campaign_record');
  work = mkdtempSync(join(tmpdir(), 'xinbiao-campaign-record-'));
}, 60_000);
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

const worker = (on = queue, idle = '3') => xinbiao(['worker', '--queue', on, '--evidence', join(work, 'evidence'), '--concurrency', '2', '--sweep', '1', '--idle-exit', idle, '--quiet']);
const report = (campaign: string, out: string) => xinbiao(['report', '--queue', queue, '--campaign', campaign, '--out', out, '--evidence', join(work, 'evidence'), '--quiet']);

describe('what a campaign records', () => {
  it('records its weighted 双随机 draw: only the drawn listings are queued, and the report re-derives from the recorded seed and population', async () => {
    writeFileSync(join(work, 'population.txt'), populationList());
    writeFileSync(join(work, 'weights.json'), JSON.stringify(WEIGHTS));
    writeFileSync(join(work, 'inspectors.json'), JSON.stringify(INSPECTORS));
    const enqueue = await xinbiao(['--queue', queue, '--campaign', 'drawn', '--list', join(work, 'population.txt'), '--weights', join(work, 'weights.json'),
      '--inspectors', join(work, 'inspectors.json'), '--seed', 'spot-2026-11', '--operator', '上海市监局 王检查', '--retries', '0', '--timeout', '15000']);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    expect(lines(enqueue)).toEqual([{ campaign: 'drawn', run: 1, newRun: true, addedListings: 8, enqueued: 5 }]);

    // A drawn run takes no more listings: its draw is fixed.
    const more = await xinbiao(['--queue', queue, '--campaign', 'drawn', `${FIX}/copied-mark.html`]);
    expect(more.code).toBe(2);
    expect(more.stderr).toContain('--repeat');

    const w = await worker();
    expect(w.code, w.stderr).toBe(0);
    const out = join(work, 'drawn-report');
    const r = await report('drawn', out);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r)[0]).toMatchObject({ listings: 5, audited: 5, failed: 0, pending: 0 });

    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.run.operator).toBe('上海市监局 王检查');
    expect(json.run.population.size).toBe(8);
    expect(json.run.sample).toMatchObject({ method: 'weighted', size: 5, seed: seedOf('spot-2026-11'), seedText: 'spot-2026-11', weights: WEIGHTS });
    expect(Object.fromEntries(json.run.sample.byClass.map((c: { creditClass: string; drawn: number }) => [c.creditClass, c.drawn]))).toEqual(CREDIT_DRAWN);
    expect(json.run.inspectors).toEqual({ ids: INSPECTORS.inspectors, perListing: 2 });
    // Both black-listed and the abnormal listing are drawn at rate 1, with their classes on the pages.
    const byInput = new Map(json.pages.map((p: { input: string }) => [p.input, p]));
    for (const i of [2, 3, 4]) expect(byInput.get(POPULATION[i]![0])).toMatchObject({ creditClass: CLASSES[i], uscc: POPULATION[i]![1] });
    for (const p of json.pages) expect(p.inspectors).toHaveLength(2);

    // population.csv holds the whole population with its classes; the recorded seed re-derives the draw and the assignment.
    const rows = parseCsv(readFileSync(join(out, 'population.csv'), 'utf8')).slice(1).filter((row) => row.length > 1);
    expect(rows.map((row) => row[1])).toEqual(POPULATION.map(([p]) => p));
    expect(rows.map((row) => row[3])).toEqual(CLASSES);
    const population = rows.map(([, input, uscc]) => ({ input: input!, ...(uscc ? { uscc } : {}) }));
    const again = await planRun(population, (await loadContext()).lists, { seedText: json.run.sample.seedText, weights: json.run.sample.weights, inspectors: INSPECTORS }, Date.now());
    const pagesInOrder = [...json.pages].sort((a: { index: number }, b: { index: number }) => a.index - b.index);
    expect(again.chosen.map((i) => population[i]!.input)).toEqual(pagesInOrder.map((p: { input: string }) => p.input));
    expect(again.assigned).toEqual(pagesInOrder.map((p: { inspectors: string[] }) => p.inspectors));
    expect(rows.filter((row) => row[4] === 'yes').map((row) => row[5])).toEqual(again.assigned!.map((a) => a.join(' ')));
  }, 180_000);

  it('a uniform --sample draws that many of the population, by the seed', async () => {
    const inputs = POPULATION.map(([p]) => p!);
    const enqueue = await xinbiao(['--queue', queue, '--campaign', 'uniform', '--sample', '3', '--seed', '7', ...inputs]);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    expect(lines(enqueue)[0]).toMatchObject({ addedListings: 8, enqueued: 3 });
    const out = join(work, 'uniform-report');
    const r = await report('uniform', out);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r)[0]).toMatchObject({ listings: 3, audited: 0, pending: 3 });
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.run.sample).toMatchObject({ method: 'uniform', size: 3, seed: 7 });
    expect(json.run.population.size).toBe(8);
    const again = await planRun(inputs.map((input) => ({ input })), (await loadContext()).lists, { sample: 3, seedText: '7' }, Date.now());
    const drawn = parseCsv(readFileSync(join(out, 'population.csv'), 'utf8')).slice(1).filter((row) => row[4] === 'yes').map((row) => row[1]);
    expect(drawn).toEqual(again.chosen.map((i) => inputs[i]));
  }, 60_000);

  it('names the lists as read when the run was enqueued, the refused ones too, however the folder changed since', async () => {
    const lists = join(work, 'lists');
    cpSync(join(ROOT, 'samples/lists'), lists, { recursive: true });
    // One changed byte in a signed list: its signature no longer holds.
    const tamper = (name: string) => writeFileSync(join(lists, name), readFileSync(join(lists, name), 'utf8').replace('示例', '示列'));
    tamper('demo-abnormal.ndjson');
    const enqueue = await xinbiao(['--queue', queue, '--campaign', 'refused', '--lists', lists, `${FIX}/home-ok.html`]);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    // After the enqueue the abnormal list is mended and the black list broken: read now, the report would name the other one.
    copyFileSync(join(ROOT, 'samples/lists/demo-abnormal.ndjson'), join(lists, 'demo-abnormal.ndjson'));
    tamper('demo-black.ndjson');
    const out = join(work, 'refused-report');
    const r = await report('refused', out);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.refusedLists).toHaveLength(1);
    expect(json.refusedLists[0].file).toBe('demo-abnormal.ndjson');
    expect(json.refusedLists[0].reason).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
    expect(json.run.lists.map((l: { id: string }) => l.id)).toEqual(['demo-black', 'demo-credit-level', 'demo-red']);
    const sha = (name: string) => createHash('sha256').update(readFileSync(join(ROOT, 'samples/lists', name))).digest('hex');
    expect(json.run.lists.find((l: { id: string }) => l.id === 'demo-black').sha256).toBe(sha('demo-black.ndjson'));
    expect(json.run.demo).toEqual({ trust: true, lists: false });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('demo-abnormal.ndjson');
  }, 60_000);

  it('audits against the lists pinned when the run was enqueued, though the folder changed and the trust list is gone', async () => {
    const own = await freshPostgres('xinbiao_campaign_pinned');
    const lists = join(work, 'pinned-lists');
    cpSync(join(ROOT, 'samples/lists'), lists, { recursive: true });
    const trust = join(work, 'pinned-trust.jws');
    copyFileSync(join(ROOT, 'samples/trust/trust.jws'), trust);
    const enqueue = await xinbiao(['--queue', own, '--campaign', 'pinned', '--lists', lists, '--trust', trust, `${FIX}/blacklisted.html`]);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    // After the enqueue the black list is broken (read now, it would be refused) and the trust list is deleted.
    writeFileSync(join(lists, 'demo-black.ndjson'), readFileSync(join(lists, 'demo-black.ndjson'), 'utf8').replace('示例', '示列'));
    rmSync(trust);

    const w = await worker(own);
    expect(w.code, w.stderr).toBe(0);
    const [page] = lines(w);
    // The shop is on the pinned black list and shows no risk warning: that is a violation, as with the original lists.
    expect(Object.fromEntries(page.findings.map((f: { ruleId: string; outcome: string }) => [f.ruleId, f.outcome]))).toMatchObject({ 'risk-warning': 'violation', 'licence-shown': 'pass' });
    expect(w.stderr).not.toContain('refused');

    const out = join(work, 'pinned-report');
    const r = await xinbiao(['report', '--queue', own, '--campaign', 'pinned', '--out', out, '--evidence', join(work, 'evidence'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const sha = (name: string) => createHash('sha256').update(readFileSync(join(ROOT, 'samples', name))).digest('hex');
    expect(json.refusedLists).toEqual([]);
    expect(json.run.lists.map((l: { id: string; sha256: string }) => [l.id, l.sha256])).toEqual(
      ['demo-abnormal', 'demo-black', 'demo-credit-level', 'demo-red'].map((id) => [id, sha(`lists/${id}.ndjson`)]));
    expect(json.run.trust.sha256).toBe(sha('trust/trust.jws'));
    expect(json.pages[0].findings.find((f: { ruleId: string }) => f.ruleId === 'risk-warning').outcome).toBe('violation');
  }, 120_000);

  it('a job that fails all its retries shows as failed with its last error, not pending', async () => {
    // Its own database, so no other test's waiting jobs reach this worker.
    const own = await freshPostgres('xinbiao_campaign_doomed');
    // Every worker fails on this run: the trust list pinned with it is altered in the database once the jobs are queued.
    const trust = join(work, 'trust.jws');
    copyFileSync(join(ROOT, 'samples/trust/trust.jws'), trust);
    const enqueue = await xinbiao(['--queue', own, '--campaign', 'doomed', '--trust', trust, '--job-retries', '1', `${FIX}/home-ok.html`, `${FIX}/bad-uscc.html`]);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    const client = new pg.Client({ connectionString: own });
    await client.connect();
    try {
      const altered = await client.query("UPDATE audit_files SET bytes = bytes || '\\x0a'::bytea WHERE sha256 IN (SELECT sha256 FROM audit_run_files WHERE role = 'trust')");
      expect(altered.rowCount).toBe(1);
    } finally {
      await client.end();
    }
    const w = await worker(own);
    expect(w.code, w.stderr).toBe(0);
    expect(lines(w).map((l) => [l.idx, l.status]).sort()).toEqual([[0, 'failed'], [1, 'failed']]);

    const out = join(work, 'doomed-report');
    const r = await xinbiao(['report', '--queue', own, '--campaign', 'doomed', '--out', out, '--evidence', join(work, 'evidence')]);
    expect(r.code, r.stderr).toBe(1);
    expect(lines(r)[0]).toMatchObject({ listings: 2, audited: 2, failed: 2, pending: 0 });
    expect(r.stderr).toContain('0 done, 2 failed, 0 pending');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.pages.map((p: { status: string }) => p.status)).toEqual(['error', 'error']);
    for (const p of json.pages) {
      expect(p.error).toContain('作业 2 次尝试均失败');
      expect(p.error).toContain('the job failed all 2 attempts');
      expect(p.error).toContain('固定文件 trust.jws 与其摘要不符');
      expect(p.error).toContain('the pinned file trust.jws does not match its digest');
      expect(p.findings).toMatchObject([{ ruleId: 'page-load', outcome: 'error' }]);
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/data-count="failed">2</);
  }, 120_000);
});
