import type PgBoss from 'pg-boss';
import type { Inspectors, Weights } from '../../../core/audit';
import type { Database } from '../../../server/db/database';
import { loadContext, type AuditContext } from '../context';
import { planRun } from '../plan';
import { sendPageJobs } from './boss';
import { contextFiles } from './pinned';
import { RunDraw, runListsOf, type RunOptions } from './types';
import { listRuns, recordTargets, type DrawSpec, type Enqueued, type EnqueueInput } from './store';

/** How a new run draws (cli/audit/plan.ts `planRun`), who runs it, and whether any of it was asked for on the command line. */
export interface DrawOptions {
  sample?: number;
  seedText: string;
  weights?: Weights;
  inspectors?: Inspectors;
  operator?: string;
  asked: boolean;
}

/**
 * The draw of a new run with `options`: its trust list and lists are read once, only when a run starts, so its
 * classes (weighted draw), what is recorded with it and the files pinned with it come from the same read.
 */
export function drawSpec(options: RunOptions, d: DrawOptions): DrawSpec {
  let context: Promise<AuditContext> | undefined;
  const runContext = () => (context ??= loadContext({ trust: options.trust, trustRoot: options.trustRoot, lists: options.lists }));
  return {
    asked: d.asked,
    plan: async (population) => planRun(population, (await runContext()).lists, { sample: d.sample, seedText: d.seedText, weights: d.weights, inspectors: d.inspectors }, Date.now()),
    lists: async () => runListsOf(await runContext()),
    files: async () => contextFiles(await runContext()),
    ...(d.operator ? { operator: d.operator } : {}),
    ...(d.inspectors ? { inspectors: d.inspectors } : {}),
  };
}

/** Records the inputs (store.ts `recordTargets`) and sends their page jobs in one transaction: both or neither. */
export function startRun(db: Database, boss: PgBoss, campaign: string, inputs: readonly EnqueueInput[], options: RunOptions, repeat: boolean, draw: DrawSpec, trigger?: string): Promise<Enqueued> {
  return db.transaction(async (tx) => {
    const e = await recordTargets(tx, campaign, inputs, options, repeat, draw, trigger);
    await sendPageJobs(boss, tx, e.jobs, options);
    return e;
  });
}

/**
 * A scheduled run (`xinbiao audit schedule`): a new run of the campaign over its whole population with the latest
 * run's options (trust list, lists folder, timeouts) read now on this machine, its operator and inspectors, and a
 * seed named after the firing (`trigger`, the queue's job id), so the assignment differs between runs and is recorded.
 * A firing delivered twice starts one run. Throws when the campaign has no run yet or its lists cannot be read here.
 */
export async function startScheduledRun(db: Database, boss: PgBoss, campaign: string, trigger: string): Promise<Enqueued> {
  const last = (await listRuns(db, campaign)).at(-1);
  if (!last) throw new Error(`没有这个活动 / no such campaign: ${campaign}`);
  const [row] = await db.query<{ draw: unknown }>('SELECT draw FROM audit_runs WHERE campaign = $1 AND run = $2', [campaign, last.run]);
  const prior = row?.draw == null ? undefined : RunDraw.safeParse(row.draw).data;
  const draw = drawSpec(last.options, { seedText: `schedule:${trigger}`, inspectors: prior?.inspectors, operator: prior?.operator, asked: false });
  return startRun(db, boss, campaign, [], last.options, true, draw, trigger);
}
