import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { openDatabase } from '../../../server/db/database';
import { emit, say } from '../../io';
import { openBrowser } from '../browser';
import { loadContext, type AuditContext } from '../context';
import { auditPage } from '../run-page';
import { summarise } from '../summary';
import { openBoss } from './boss';
import { pinnedContext } from './pinned';
import { migrateCampaigns } from './schema';
import { loadJob, saveGaveUp, saveResult } from './store';
import { startScheduledRun } from './start';
import { CampaignId, GAVE_UP_QUEUE, PAGE_QUEUE, PageJob, SCHEDULE_QUEUE_PREFIX, ScheduleJob, scheduleQueue, type RunOptions } from './types';

/** How often a worker looks for schedules added since it started, ms. */
const SCHEDULE_WATCH_MS = 10_000;

/** Runs whose loaded lists a worker keeps at once. */
const KEEP_CONTEXTS = 4;

/** How one `xinbiao audit worker` process runs. */
export interface WorkerOptions {
  /** postgres:// URL of the campaign database (the queue lives there too). */
  queue: string;
  /** Evidence directory: each result's files go to `<evidence>/<campaign>/run-<n>/<attempt id>/pages/<NNN>/`. */
  evidence: string;
  /** Pages this process audits at once (one pg-boss work loop each, one browser shared). */
  concurrency: number;
  /** A remote browser instead of launching Debian's chromium (cli/audit/browser). */
  browserWs?: string;
  /** Seconds between the sweeps that give the jobs of dead workers back to the queue. */
  sweepSeconds: number;
  /** Seconds between polls of an empty queue. */
  pollSeconds: number;
  /** Exit once the queue has had no waiting or active job for this many seconds (undefined: run until a signal). */
  idleExit?: number;
  /** Name in the result rows (default host:pid). */
  name?: string;
  quiet?: boolean;
}

/**
 * Takes page jobs from the queue until stopped (SIGINT/SIGTERM: it finishes the pages in hand) or idle for
 * `idleExit` seconds. Each job audits one listing with the per-page audit (cli/audit/run-page auditPage), against the
 * trust list and lists pinned with its run (pinned.ts; a file that does not match its digest fails the job), and stores
 * the result once; a job whose result is already stored (it ran twice) does nothing. A page that fails to load is a
 * stored `error` result, as in a plain audit; a job that throws (database or browser gone) goes back to the queue.
 * Workers also keep the campaigns' schedules (`xinbiao audit schedule`): a schedule's job starts the campaign's next
 * run (start.ts `startScheduledRun`). Returns how many results this process stored.
 */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const name = options.name ?? `${hostname()}:${process.pid}`;
  // The browser starts while the database and the queue do: its launch is not the first page's wait.
  let browser: Promise<Browser> | undefined = openBrowser(options.browserWs);
  browser.catch(() => {});
  const started = (async () => {
    const db = await openDatabase(options.queue, { poolSize: options.concurrency + 2 });
    await migrateCampaigns(db);
    return { db, boss: await openBoss(options.queue, { supervise: true, sweepSeconds: options.sweepSeconds }) };
  })();
  const { db, boss } = await started.catch(async (err: unknown) => {
    await browser!.then((b) => b.close(), () => {});
    throw err;
  });
  const pinRoot = mkdtempSync(join(tmpdir(), 'xinbiao-audit-pinned-'));
  const contexts = new Map<string, Promise<AuditContext>>();
  // The run's pinned files, loaded once per run; a run from before files were pinned reads its options' paths here.
  const context = (job: PageJob, o: RunOptions) => {
    const key = `${job.campaign}/${job.run}`;
    let c = contexts.get(key);
    if (!c) {
      c = pinnedContext(db, job.campaign, job.run, join(pinRoot, job.campaign, `run-${job.run}`))
        .then((pinned) => pinned ?? loadContext({ trust: o.trust, trustRoot: o.trustRoot, lists: o.lists }));
      c.then((ctx) => ctx.refusedLines.forEach((line) => say(`audit worker: ${line}`)), () => contexts.delete(key));
      contexts.set(key, c);
      // Each held context keeps its lists in memory: only the runs most recently asked for stay.
      for (const old of [...contexts.keys()].slice(0, -KEEP_CONTEXTS)) contexts.delete(old);
    }
    return c;
  };
  const liveBrowser = async () => {
    // A browser that crashed or a remote one that went away is opened again for the next page.
    if (browser && !(await browser.then((b) => b.isConnected(), () => false))) browser = undefined;
    return (browser ??= openBrowser(options.browserWs));
  };
  let stored = 0;
  let inHand = 0;

  const handle = async ([job]: { data: unknown }[]) => {
    if (!job) return;
    const data = PageJob.safeParse(job.data);
    if (!data.success) throw new Error(`作业数据无效 / invalid job data: ${data.error.message}`);
    const key = data.data;
    const item = await loadJob(db, key);
    if (!item || item.done) return;
    inHand++;
    try {
      const label = `${key.campaign} run ${key.run} #${key.idx + 1} ${item.input}`;
      if (!options.quiet) say(`audit worker ${name}: 开始 / start ${label}`);
      const evidenceDir = `${key.campaign}/run-${key.run}/${randomUUID()}`;
      const page = await auditPage(await liveBrowser(), { input: item.input, url: item.url }, key.idx, join(options.evidence, evidenceDir), await context(key, item.options), {
        timeout: item.options.timeout, retries: item.options.retries, pageKind: item.options.pageKind, viewport: { width: 1280, height: 800 },
      });
      const first = await saveResult(db, key, { status: page.status, page, evidenceDir, worker: name });
      if (first) {
        stored++;
        emit({ campaign: key.campaign, run: key.run, input: page.input, url: page.url, status: page.status, counts: summarise([page]).total, findings: page.findings });
      }
      if (!options.quiet) say(`audit worker ${name}: ${first ? '完成 / done' : '已由其他进程完成 / already done elsewhere'} ${page.status} ${label}`);
    } finally {
      inHand--;
    }
  };

  // A job the queue gave up on (its handler threw, or its worker died, on every attempt): record why, once.
  const gaveUp = async ([job]: { data: unknown; output?: unknown; retryLimit?: number }[]) => {
    if (!job) return;
    const data = PageJob.safeParse(job.data);
    if (!data.success) return;
    const error = gaveUpText(job.output, (job.retryLimit ?? 0) + 1);
    const first = await saveGaveUp(db, data.data, error, name);
    if (first) emit({ campaign: data.data.campaign, run: data.data.run, idx: data.data.idx, status: 'failed', error });
    if (!options.quiet) say(`audit worker ${name}: 放弃 / gave up ${data.data.campaign} run ${data.data.run} #${data.data.idx + 1}: ${error}`);
  };

  // A schedule's job: start the campaign's next run (start.ts); a firing delivered twice starts one run.
  const fire = async ([job]: { id: string; name: string; data: unknown }[]) => {
    if (!job) return;
    const data = ScheduleJob.safeParse(job.data);
    if (!data.success || !CampaignId.safeParse(data.data.campaign).success || scheduleQueue(data.data.campaign) !== job.name) {
      throw new Error(`定时作业数据无效 / invalid schedule job data on ${job.name}`);
    }
    const e = await startScheduledRun(db, boss, data.data.campaign, job.id);
    if (!options.quiet) say(`audit worker ${name}: 定时启动活动 ${data.data.campaign} 第 ${e.run} 轮，入队 ${e.jobs.length} 页 / scheduled run ${e.run} of ${data.data.campaign}: ${e.jobs.length} pages queued`);
  };
  const scheduled = new Set<string>();
  // Schedules are added while workers run: each one's queue is found through the schedules and worked once.
  const watchSchedules = async () => {
    for (const s of await boss.getSchedules()) {
      if (!s.name.startsWith(SCHEDULE_QUEUE_PREFIX) || scheduled.has(s.name)) continue;
      scheduled.add(s.name);
      await boss.work(s.name, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds }, (jobs) => fire(jobs).catch((err: Error) => {
        say(`audit worker ${name}: 定时运行未能启动，将重试 / the scheduled run did not start, will be retried: ${err.message}`);
        throw err;
      }));
    }
  };
  const watching = setInterval(() => void watchSchedules().catch((err: Error) => say(`audit worker: ${err.message}`)), SCHEDULE_WATCH_MS);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    clearInterval(watching);
    await boss.stop({ graceful: true, wait: true, timeout: 60_000 }).catch((err: Error) => say(`audit worker: ${err.message}`));
    if (browser) await browser.then((b) => b.close(), () => {}).catch(() => {});
    await db.close().catch(() => {});
    rmSync(pinRoot, { recursive: true, force: true });
  })());
  const onSignal = () => { say(`audit worker ${name}: stopping after the pages in hand / 正在停止`); void stop(); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // pg-boss records a thrown error on the job (and retries it); the operator sees it here too.
  const logged = (jobs: { data: unknown }[]) => handle(jobs).catch((err: Error) => {
    say(`audit worker ${name}: 作业失败，将重试 / job failed, will be retried: ${err.message}`);
    throw err;
  });
  for (let i = 0; i < options.concurrency; i++) {
    let loop: string | undefined;
    // pg-boss waits out the polling interval after every fetch; after a page, look for the next one at once instead.
    loop = await boss.work(PAGE_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds }, (jobs) => logged(jobs).finally(() => {
      if (loop) boss.notifyWorker(loop);
    }));
  }
  await boss.work(GAVE_UP_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds, includeMetadata: true }, gaveUp);
  await watchSchedules();
  if (!options.quiet) say(`audit worker ${name}: 同时审查 ${options.concurrency} 页，证据存于 ${options.evidence} / ${options.concurrency} at once on ${PAGE_QUEUE}, evidence in ${options.evidence}`);

  if (options.idleExit !== undefined) {
    let idleSince = Date.now();
    while (!stopping) {
      await new Promise((ok) => setTimeout(ok, 500));
      if (stopping) break;
      let waiting = 0;
      for (const queue of [PAGE_QUEUE, GAVE_UP_QUEUE, ...scheduled]) waiting += await boss.getQueueSize(queue, { before: 'completed' }).catch(() => 1);
      if (waiting > 0 || inHand > 0) idleSince = Date.now();
      else if (Date.now() - idleSince >= options.idleExit * 1000) break;
    }
    await stop();
  } else {
    await new Promise<void>((ok) => boss.once('stopped', () => ok()));
    await stop();
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return stored;
}

/**
 * The bilingual text of a job the queue gave up on: how many attempts, and the last error as pg-boss stored it (a
 * thrown error's `message`, or `{value: {message}}` for a worker that stopped answering). Stored text is hostile: cut short.
 */
export function gaveUpText(output: unknown, attempts: number): string {
  const o = (output ?? {}) as { message?: unknown; value?: { message?: unknown } | unknown };
  const raw = typeof o.message === 'string' ? o.message
    : typeof (o.value as { message?: unknown })?.message === 'string' ? (o.value as { message: string }).message
      : typeof o.value === 'string' ? o.value : '';
  const last = raw.split('\n')[0]!.slice(0, 500) || '未知 / unknown';
  return `作业 ${attempts} 次尝试均失败，最后的错误 / the job failed all ${attempts} attempts, last error: ${last}`;
}
