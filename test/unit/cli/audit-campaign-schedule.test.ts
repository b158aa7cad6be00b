// A campaign on a schedule kept in the queue: the command's checks, a schedule that fires while a worker runs (a
// minute-by-minute cron is due at once), the run it starts over the same population, compared with the one before.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { xinbiaoAsync, type Ran } from '../../support/cli';
import { freshPostgres } from '../../support/postgres';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/audit');

const xinbiao = (args: string[]) => xinbiaoAsync('audit')(...args);
const lines = (r: Ran) => r.lines;

let queue: string;
let work: string;
beforeAll(async () => {
  queue = await freshPostgres('xinbiao_campaign_schedule');
  work = mkdtempSync(join(tmpdir(), 'xinbiao-campaign-schedule-'));
}, 60_000);
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

const schedule = (...args: string[]) => xinbiao(['schedule', '--queue', queue, ...args]);

describe('a campaign on a schedule', () => {
  it('refuses a bad cron expression, an unknown time zone and a campaign with no run', async () => {
    const enqueue = await xinbiao(['--queue', queue, '--campaign', 'weekly', '--quiet', `${FIX}/blacklisted.html`, `${FIX}/home-ok.html`]);
    expect(enqueue.code, enqueue.stderr).toBe(0);

    const cron = await schedule('--campaign', 'weekly', '--cron', '61 * * * *');
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('cron 表达式无效 / bad cron expression "61 * * * *"');
    // The queue's parser takes these too; the schedule would then list what no reader can read as five fields.
    for (const expr of ['* * *', '', '@hourly', '0 0 9 * * 1']) {
      const short = await schedule('--campaign', 'weekly', '--cron', expr);
      expect(short.code, expr).toBe(2);
      expect(short.stderr.split('\n')[0]).toBe(`xinbiao audit: cron 表达式无效 / bad cron expression "${expr}": not five fields (five fields: minute hour day month weekday, e.g. "0 9 * * 1")`);
    }
    const zone = await schedule('--campaign', 'weekly', '--cron', '0 9 * * 1', '--tz', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('未知时区 / unknown time zone: Mars/Olympus');
    const unknown = await schedule('--campaign', 'nobody', '--cron', '0 9 * * 1');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有这个活动，先入队第一轮 / no such campaign');
    const both = await schedule('--campaign', 'weekly', '--cron', '0 9 * * 1', '--off');
    expect(both.code).toBe(2);
    // Nothing was scheduled by any of them.
    expect(lines(await schedule())).toEqual([]);
  }, 60_000);

  it('fires while a worker runs: the worker starts the next run over the same population, compared with the one before', async () => {
    const set = await schedule('--campaign', 'weekly', '--cron', '* * * * *');
    expect(set.code, set.stderr).toBe(0);
    expect(lines(set)).toEqual([{ campaign: 'weekly', cron: '* * * * *', tz: 'Asia/Shanghai' }]);
    expect(lines(await schedule('--campaign', 'weekly'))).toEqual([{ campaign: 'weekly', cron: '* * * * *', tz: 'Asia/Shanghai' }]);

    const w = await xinbiao(['worker', '--queue', queue, '--evidence', join(work, 'evidence'), '--sweep', '1', '--idle-exit', '5']);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toContain('scheduled run 2 of weekly: 2 pages queued');
    // Run 1's two pages and the scheduled run's two (a worker that stays into the next minute may start one more).
    expect(lines(w).filter((l) => l.run <= 2).map((l) => `${l.run} ${l.input.split('/').pop()}`).sort())
      .toEqual(['1 blacklisted.html', '1 home-ok.html', '2 blacklisted.html', '2 home-ok.html']);

    const client = new pg.Client({ connectionString: queue });
    await client.connect();
    try {
      const runs = (await client.query("SELECT run, trigger, draw->'sample'->>'seedText' AS seed FROM audit_runs WHERE campaign = 'weekly' ORDER BY run")).rows;
      expect(runs[0]).toMatchObject({ run: 1, trigger: null });
      expect(runs[1].trigger).toMatch(/^[0-9a-f-]{36}$/);
      expect(runs[1].seed).toBe(`schedule:${runs[1].trigger}`);
      // The scheduled run pins its lists too.
      expect(Number((await client.query("SELECT count(*) FROM audit_run_files WHERE campaign = 'weekly' AND run = 2")).rows[0].count)).toBe(10);
    } finally {
      await client.end();
    }

    const out = join(work, 'report');
    const r = await xinbiao(['report', '--queue', queue, '--campaign', 'weekly', '--run', '2', '--out', out, '--evidence', join(work, 'evidence'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r)[0]).toMatchObject({ run: 2, listings: 2, audited: 2, pending: 0, previousRun: 1, changes: { new: 0, fixed: 0, persisting: 1 } });
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.run.population.size).toBe(2);
    expect(json.campaign.changes).toMatchObject([{ ruleId: 'risk-warning', change: 'persisting', before: 'violation', after: 'violation' }]);

    const off = await schedule('--campaign', 'weekly', '--off');
    expect(off.code, off.stderr).toBe(0);
    expect(lines(off)).toEqual([{ campaign: 'weekly', cron: null }]);
    expect(lines(await schedule())).toEqual([]);
  }, 120_000);
});
