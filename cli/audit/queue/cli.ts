import { resolve } from 'node:path';
import type PgBoss from 'pg-boss';
import { firstIssueBoth } from '../../../core/model';
import { isPostgresUrl, openDatabase, type Database } from '../../../server/db/database';
import { EXIT, InputError, UsageError, emit, intFlag, oneLine, parseArgs, say, strFlag, type ParsedArgs } from '../../io';
import { Inspectors, Weights } from '../../../core/audit';
import { populationEntry, readPopulation, toTarget } from '../inputs';
import { readJsonFile } from '../plan';
import { signingKey } from '../sign-key';
import { openBoss } from './boss';
import { countChanges } from './changes';
import { writeCampaignReport } from './report';
import { migrateCampaigns } from './schema';
import { drawSpec, startRun } from './start';
import { CampaignId, RunOptions, SCHEDULE_QUEUE_PREFIX, scheduleQueue } from './types';
import { runWorker } from './worker';

/** Schedules are in China time unless `--tz` says otherwise. */
const DEFAULT_ZONE = 'Asia/Shanghai';

const queueOf = (parsed: ParsedArgs): string => {
  const url = strFlag(parsed, 'queue');
  if (!url || !isPostgresUrl(url)) throw new UsageError('--queue 需要 postgres:// 地址 / --queue takes a postgres:// URL');
  return url;
};

const campaignOf = (parsed: ParsedArgs): string => {
  const id = strFlag(parsed, 'campaign');
  if (!id) throw new UsageError('需要 --campaign ID / give --campaign ID');
  const ok = CampaignId.safeParse(id);
  if (!ok.success) throw new UsageError(ok.error.issues[0]!.message);
  return id;
};

async function connect(url: string, poolSize = 4): Promise<Database> {
  try {
    const db = await openDatabase(url, { poolSize });
    await migrateCampaigns(db);
    return db;
  } catch (err) {
    // The operator's URL or network, not a bug: one line, no stack.
    throw new InputError(oneLine(`无法连接队列数据库 / cannot reach the queue database: ${(err as Error).message}`));
  }
}

/**
 * `xinbiao audit --queue … --campaign … <inputs…>`: records the listings and, for a new run, its draw (`--sample`/`--seed`/
 * `--weights`/`--inspectors`/`--operator`, as the one-process audit: cli/audit/plan.ts `planRun`), and sends the drawn
 * listings' page jobs, all in one transaction.
 */
export async function enqueueCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, {
    values: ['queue', 'campaign', 'list', 'sample', 'seed', 'timeout', 'retries', 'page-kind', 'trust', 'trust-root', 'lists', 'job-timeout', 'job-retries',
      'weights', 'inspectors', 'operator'],
    booleans: ['repeat', 'quiet'],
  });
  const url = queueOf(parsed);
  const campaign = campaignOf(parsed);
  const inputs = parsed.positionals.map(populationEntry);
  const list = strFlag(parsed, 'list');
  if (list) {
    try { inputs.push(...readPopulation(list)); } catch (err) { throw new UsageError((err as Error).message); }
  }
  const repeat = parsed.flags.has('repeat');
  if (inputs.length === 0 && !repeat) throw new UsageError('给出至少一个网址或文件，或用 --repeat 重复上一轮 / give at least one URL or file, or --repeat');
  const weightsFile = strFlag(parsed, 'weights');
  if (weightsFile && parsed.flags.has('sample')) throw new UsageError('--weights 与 --sample 不能同用：比例决定抽取数量 / --weights and --sample exclude each other: the rates say how many are drawn');
  const inspectorsFile = strFlag(parsed, 'inspectors');
  const weights = weightsFile ? readJsonFile(weightsFile, Weights, '--weights') : undefined;
  const inspectors = inspectorsFile ? readJsonFile(inspectorsFile, Inspectors, '--inspectors') : undefined;
  const sampleSize = parsed.flags.has('sample') ? intFlag(parsed, 'sample', 1, 1) : undefined;
  const seedText = strFlag(parsed, 'seed') ?? '1';
  const pageKind = strFlag(parsed, 'page-kind');
  const timeout = intFlag(parsed, 'timeout', 30_000, 1_000);
  const retries = intFlag(parsed, 'retries', 1, 0, 10);
  const abs = (f: string | undefined) => (f ? resolve(f) : undefined);
  const options = RunOptions.safeParse({
    timeout, retries, pageKind, trust: abs(strFlag(parsed, 'trust')), trustRoot: abs(strFlag(parsed, 'trust-root')), lists: abs(strFlag(parsed, 'lists')),
    // Loading, reading and the screenshot each may take the page timeout, on every attempt; plus time to store.
    jobTimeout: intFlag(parsed, 'job-timeout', Math.ceil((3 * timeout * (retries + 1)) / 1000) + 30, 5, 86_400),
    jobRetries: intFlag(parsed, 'job-retries', 3, 0, 100),
  });
  if (!options.success) throw new UsageError(options.error.issues.map((i) => `--${firstIssueBoth({ issues: [i] })}`).join('; '));
  const fixed = options.data;
  const draw = drawSpec(fixed, {
    sample: sampleSize, seedText, weights, inspectors, operator: strFlag(parsed, 'operator'),
    asked: weights !== undefined || inspectors !== undefined || sampleSize !== undefined || parsed.flags.has('seed') || parsed.flags.has('operator'),
  });

  const db = await connect(url);
  const boss = await openBoss(url, { supervise: false });
  try {
    const done = await startRun(db, boss, campaign, inputs.map((i) => ({ target: toTarget(i.input), ...(i.uscc ? { uscc: i.uscc } : {}) })), fixed, repeat, draw);
    emit({ campaign, run: done.run, newRun: done.newRun, addedListings: done.added, enqueued: done.jobs.length });
    // As a plain audit says it: a run (a --repeat too) takes its lists from this call's options, the demo samples without them.
    if (done.newRun && (fixed.trust === undefined || fixed.lists === undefined)) say('audit: 本轮使用演示信任列表和名单 / this run uses the DEMO trust list and lists (give --trust, --trust-root and --lists)');
    if (!parsed.flags.has('quiet')) {
      const p = done.plan;
      if (p && p.sample.method !== 'all') say(`audit: 从 ${p.population.length} 个中抽取 ${p.chosen.length} 个（种子 ${p.sample.seed}） / sample of ${p.chosen.length} from ${p.population.length} listings (seed ${p.sample.seed})`);
      say(`audit: 活动 ${campaign} 第 ${done.run} 轮入队 ${done.jobs.length} 页 / campaign ${campaign} run ${done.run}: ${done.jobs.length} pages queued (${done.added} new listings); start workers with: xinbiao audit worker --queue …`);
    }
    return EXIT.ok;
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await db.close().catch(() => {});
  }
}

/** `xinbiao audit worker`: runs page jobs until stopped or idle. */
export async function workerCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, {
    values: ['queue', 'evidence', 'browser-ws', 'concurrency', 'sweep', 'idle-exit', 'name'],
    booleans: ['quiet'],
  });
  if (parsed.positionals.length) throw new UsageError(`audit worker 不接受输入 / takes no inputs: ${parsed.positionals.join(' ')}`);
  const url = queueOf(parsed);
  // Connect once here so an unreachable database is a clear message, not a stack.
  await (await connect(url, 1)).close();
  const stored = await runWorker({
    queue: url,
    evidence: resolve(strFlag(parsed, 'evidence') ?? 'audit-evidence'),
    browserWs: strFlag(parsed, 'browser-ws'),
    concurrency: intFlag(parsed, 'concurrency', 2, 1, 32),
    sweepSeconds: intFlag(parsed, 'sweep', 30, 1, 3600),
    pollSeconds: 1,
    idleExit: parsed.flags.has('idle-exit') ? intFlag(parsed, 'idle-exit', 10, 1, 86_400) : undefined,
    name: strFlag(parsed, 'name'),
    quiet: parsed.flags.has('quiet'),
  });
  say(`audit worker: 已存储 ${stored} 个结果 / stored ${stored} results`);
  return EXIT.ok;
}

/** `xinbiao audit report --queue … --campaign … [--sign-key FILE]`: the report files of a run, with progress and changes, signed with a key. */
export async function reportCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['queue', 'campaign', 'run', 'out', 'evidence', 'sign-key'], booleans: ['quiet'] });
  if (parsed.positionals.length) throw new UsageError(`audit report 不接受输入 / takes no inputs: ${parsed.positionals.join(' ')}`);
  const url = queueOf(parsed);
  const campaign = campaignOf(parsed);
  const run = parsed.flags.has('run') ? intFlag(parsed, 'run', 1, 1) : undefined;
  const out = resolve(strFlag(parsed, 'out') ?? 'audit-report');
  const keyFile = strFlag(parsed, 'sign-key');
  const signKey = keyFile ? await signingKey(keyFile) : undefined;
  const db = await connect(url);
  try {
    let r;
    try {
      r = await writeCampaignReport(db, { campaign, run, out, evidence: resolve(strFlag(parsed, 'evidence') ?? 'audit-evidence'), signKey });
    } catch (err) {
      say(`xinbiao audit report: ${(err as Error).message}`);
      return EXIT.invalid;
    }
    const p = r.progress;
    emit({ ...p, previousRun: r.previousRun, changes: countChanges(r.changes), out });
    if (!parsed.flags.has('quiet')) {
      const t = r.report.summary.total;
      say(`audit report: 活动 ${campaign} 第 ${p.run} 轮 ${p.listings} 页：${p.audited - p.failed} 完成，${p.failed} 失败，${p.pending} 待审查 / run ${p.run} of ${p.listings}: ${p.audited - p.failed} done, ${p.failed} failed, ${p.pending} pending; ${t.violation} violations → ${out}/report.html`);
      if (r.missingEvidence) say(`audit report: ${r.missingEvidence} 个结果的证据不在 --evidence 目录 / ${r.missingEvidence} results have no evidence under --evidence`);
    }
    return p.failed > 0 ? EXIT.invalid : EXIT.ok;
  } finally {
    await db.close().catch(() => {});
  }
}

/** The usage error for a cron expression, with the reason (pg-boss's parser's, or ours). */
const badCron = (cron: string, why: string): UsageError =>
  new UsageError(oneLine(`cron 表达式无效 / bad cron expression "${cron}": ${why} (five fields: minute hour day month weekday, e.g. "0 9 * * 1")`));

/** A time zone name the runtime knows (IANA, e.g. Asia/Shanghai); pg-boss would otherwise fail every later schedule check. */
const knownZone = (tz: string): boolean => {
  try { return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone.length > 0; } catch { return false; }
};

/**
 * `xinbiao audit schedule --queue … [--campaign ID] [--cron EXPR [--tz ZONE] | --off]`: sets, removes or lists the
 * schedules on which workers start a campaign's next run (start.ts `startScheduledRun`), one per campaign, kept by
 * pg-boss in the queue's database. Prints one line per schedule: {"campaign","cron","tz"} (`cron: null` once removed).
 */
export async function scheduleCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['queue', 'campaign', 'cron', 'tz'], booleans: ['off', 'quiet'] });
  if (parsed.positionals.length) throw new UsageError(`audit schedule 不接受输入 / takes no inputs: ${parsed.positionals.join(' ')}`);
  const url = queueOf(parsed);
  const cron = strFlag(parsed, 'cron');
  const off = parsed.flags.has('off');
  if (cron !== undefined && off) throw new UsageError('--cron 与 --off 不能同用 / --cron and --off exclude each other');
  const campaign = cron !== undefined || off || parsed.flags.has('campaign') ? campaignOf(parsed) : undefined;
  const tz = strFlag(parsed, 'tz') ?? DEFAULT_ZONE;
  // pg-boss's parser also takes fewer fields, "" and @-macros, which the schedule's listing then shows as given.
  if (cron !== undefined && cron.trim().split(/\s+/).length !== 5) throw badCron(cron, 'not five fields');
  if (!knownZone(tz)) throw new UsageError(`未知时区 / unknown time zone: ${tz} (e.g. Asia/Shanghai)`);
  if (parsed.flags.has('tz') && cron === undefined) throw new UsageError('--tz 需与 --cron 同用 / --tz goes with --cron');

  const db = await connect(url);
  const boss = await openBoss(url, { supervise: false });
  try {
    if (campaign !== undefined && (cron !== undefined || off)) {
      const [known] = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_runs WHERE campaign = $1', [campaign]);
      if (Number(known?.n ?? 0) === 0) {
        say(`xinbiao audit schedule: 没有这个活动，先入队第一轮 / no such campaign, enqueue its first run first: ${campaign}`);
        return EXIT.invalid;
      }
      const queue = scheduleQueue(campaign);
      if (off) {
        await boss.unschedule(queue);
        emit({ campaign, cron: null });
        if (!parsed.flags.has('quiet')) say(`audit schedule: 活动 ${campaign} 不再定时运行 / campaign ${campaign} no longer runs on a schedule`);
        return EXIT.ok;
      }
      await boss.createQueue(queue);
      try {
        await boss.schedule(queue, cron!, { campaign }, { tz });
      } catch (err) {
        // pg-boss checks the expression (cron-parser) before it writes: anything but a database error is the expression's.
        if ('severity' in (err as object)) throw err;
        throw badCron(cron!, (err as Error).message);
      }
      emit({ campaign, cron, tz });
      if (!parsed.flags.has('quiet')) say(`audit schedule: 活动 ${campaign} 按 "${cron}"（${tz}）定时运行，由运行中的 worker 启动 / campaign ${campaign} runs on "${cron}" (${tz}); running workers start each run`);
      return EXIT.ok;
    }
    const all = (await boss.getSchedules()) as (PgBoss.Schedule & { timezone?: string })[];
    for (const s of all.filter((x) => x.name.startsWith(SCHEDULE_QUEUE_PREFIX)).sort((a, b) => a.name.localeCompare(b.name))) {
      const id = s.name.slice(SCHEDULE_QUEUE_PREFIX.length);
      if (campaign === undefined || id === campaign) emit({ campaign: id, cron: s.cron, tz: s.timezone ?? s.options?.tz ?? 'UTC' });
    }
    return EXIT.ok;
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await db.close().catch(() => {});
  }
}
