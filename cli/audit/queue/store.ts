import { CREDIT_CLASSES, type CreditClass, type Inspectors, type PopulationEntry } from '../../../core/audit';
import type { Queryable } from '../../../server/db/database';
import { UsageError } from '../../io';
import type { AuditTarget } from '../inputs';
import type { Plan } from '../plan';
import { pinRunFiles, type PinnedFile } from './pinned';
import { RunDraw, RunLists, RunOptions, type PageJob, type RunItem } from './types';

/** What enqueueing did: the run the listings went to, how many listings were new to the campaign, how many jobs were sent. */
export interface Enqueued {
  run: number;
  newRun: boolean;
  added: number;
  jobs: PageJob[];
  /** The draw of a new run (population size, sample), undefined when listings joined an existing run. */
  plan?: Plan;
}

/** One input of an enqueue: the page, and the operator's USCC when the `--list` line gave one (for `--weights`). */
export interface EnqueueInput {
  target: AuditTarget;
  uscc?: string;
}

/**
 * How a new run draws from its population: `planRun` with the command's options; `asked` when a draw option was given;
 * `lists`: the run's trust list and lists as read now, stored with the run; `files`: their bytes, pinned with the run.
 */
export interface DrawSpec {
  plan: (population: PopulationEntry[]) => Promise<Plan>;
  lists: () => Promise<RunLists>;
  files: () => Promise<PinnedFile[]>;
  asked: boolean;
  operator?: string;
  inspectors?: Inspectors;
}

/**
 * Records the inputs in the campaign, inside the caller's transaction, and returns the page jobs to send in that
 * same transaction. A new campaign, or `repeat`, starts a run over the whole population (earlier listings and the new
 * ones, in listing order): the draw (`draw.plan`) is made and stored with the population, one row per member, and
 * with the trust list and lists as read now (`draw.lists`, their files pinned: `draw.files`), and only the drawn listings get a job. Otherwise the inputs join the latest run, which must audit its whole population
 * (a drawn sample or an inspector assignment is fixed when its run starts; a usage error says to use `--repeat`).
 * A listing already in the run gets no second job, so enqueueing the same inputs twice changes nothing. A `trigger`
 * (a schedule's firing) starts at most one run: given again, nothing is recorded and no job is returned.
 */
export async function recordTargets(tx: Queryable, campaign: string, inputs: readonly EnqueueInput[], options: RunOptions, repeat: boolean, draw: DrawSpec, trigger?: string): Promise<Enqueued> {
  // One enqueuer per campaign at a time: listing indexes and run numbers are read, then written.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('xinbiao-audit-campaign:' || $1))", [campaign]);
  await tx.query('INSERT INTO audit_campaigns (id) VALUES ($1) ON CONFLICT DO NOTHING', [campaign]);
  if (trigger !== undefined) {
    const [seen] = await tx.query<{ run: number }>('SELECT run FROM audit_runs WHERE campaign = $1 AND trigger = $2', [campaign, trigger]);
    if (seen) return { run: seen.run, newRun: false, added: 0, jobs: [] };
  }
  const [last] = await tx.query<{ run: number | null }>('SELECT max(run) AS run FROM audit_runs WHERE campaign = $1', [campaign]);
  const newRun = repeat || last?.run == null;
  const run = newRun ? (last?.run ?? 0) + 1 : last!.run!;
  if (!newRun) {
    const [row] = await tx.query<{ draw: unknown }>('SELECT draw FROM audit_runs WHERE campaign = $1 AND run = $2', [campaign, run]);
    const stored = row?.draw == null ? undefined : RunDraw.parse(row.draw);
    if (draw.asked || (stored && (stored.sample.method !== 'all' || stored.inspectors))) {
      throw new UsageError(`第 ${run} 轮的抽样在开始时已确定，新的抽样请用 --repeat / run ${run}'s draw was fixed when it started: use --repeat for a new run with a draw`);
    }
  }

  const known = new Map((await tx.query<{ idx: number; url: string }>('SELECT idx, url FROM audit_listings WHERE campaign = $1', [campaign])).map((r) => [r.url, r.idx]));
  let next = known.size === 0 ? 0 : Math.max(...known.values()) + 1;
  const fresh: { idx: number; input: string; url: string; uscc: string | null }[] = [];
  for (const { target: t, uscc } of inputs) {
    if (known.has(t.url)) continue;
    known.set(t.url, next);
    fresh.push({ idx: next++, input: t.input, url: t.url, uscc: uscc ?? null });
  }
  if (fresh.length) {
    await tx.query('INSERT INTO audit_listings (campaign, idx, input, url, uscc) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])',
      [campaign, fresh.map((f) => f.idx), fresh.map((f) => f.input), fresh.map((f) => f.url), fresh.map((f) => f.uscc)]);
  }

  let wanted: number[];
  let plan: Plan | undefined;
  if (newRun) {
    const listings = await tx.query<{ idx: number; input: string; uscc: string | null }>('SELECT idx, input, uscc FROM audit_listings WHERE campaign = $1 ORDER BY idx', [campaign]);
    plan = await draw.plan(listings.map((l) => ({ input: l.input, ...(l.uscc ? { uscc: l.uscc } : {}) })));
    const stored: RunDraw = { sample: plan.sample, ...(draw.inspectors ? { inspectors: draw.inspectors } : {}), ...(draw.operator ? { operator: draw.operator } : {}) };
    await tx.query('INSERT INTO audit_runs (campaign, run, options, draw, lists, trigger) VALUES ($1, $2, $3, $4, $5, $6)',
      [campaign, run, JSON.stringify(options), JSON.stringify(stored), JSON.stringify(await draw.lists()), trigger ?? null]);
    await pinRunFiles(tx, campaign, run, await draw.files());
    const assigned = new Map(plan.chosen.map((pos, i) => [pos, plan!.assigned?.[i] ?? null]));
    await insertPopulation(tx, campaign, run, 0, listings.map((l, pos) => ({ idx: l.idx, creditClass: plan!.population[pos]!.creditClass ?? null, drawn: assigned.has(pos), inspectors: assigned.get(pos) ?? null })));
    wanted = plan.chosen.map((pos) => listings[pos]!.idx);
  } else {
    wanted = [...new Set(inputs.map((i) => known.get(i.target.url)!))];
  }
  const inserted = await tx.query<{ idx: number }>(
    'INSERT INTO audit_items (campaign, run, idx) SELECT $1, $2, unnest($3::int[]) ON CONFLICT DO NOTHING RETURNING idx',
    [campaign, run, wanted],
  );
  if (!newRun && inserted.length) {
    // Listings joining a run that audits its whole population join its population too (runs from before draws were recorded have none).
    const [pop] = await tx.query<{ n: string; max: number | null }>('SELECT count(*) AS n, max(pos) AS max FROM audit_population WHERE campaign = $1 AND run = $2', [campaign, run]);
    if (Number(pop?.n ?? 0) > 0) {
      await insertPopulation(tx, campaign, run, pop!.max! + 1, inserted.map((r) => ({ idx: r.idx, creditClass: null, drawn: true, inspectors: null })).sort((a, b) => a.idx - b.idx));
    }
  }
  return { run, newRun, added: fresh.length, jobs: inserted.map((r) => ({ campaign, run, idx: r.idx })).sort((a, b) => a.idx - b.idx), ...(plan ? { plan } : {}) };
}

/** Writes population rows from position `from` on, in slices (a platform's catalogue is large). */
async function insertPopulation(tx: Queryable, campaign: string, run: number, from: number, rows: readonly { idx: number; creditClass: string | null; drawn: boolean; inspectors: string[] | null }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    await tx.query(
      `INSERT INTO audit_population (campaign, run, pos, idx, credit_class, drawn, inspectors)
       SELECT $1, $2, p.pos, p.idx, p.credit_class, p.drawn, p.inspectors::jsonb
         FROM unnest($3::int[], $4::int[], $5::text[], $6::bool[], $7::text[]) AS p (pos, idx, credit_class, drawn, inspectors)`,
      [campaign, run, part.map((_, j) => from + i + j), part.map((r) => r.idx), part.map((r) => r.creditClass), part.map((r) => r.drawn), part.map((r) => (r.inspectors ? JSON.stringify(r.inspectors) : null))],
    );
  }
}

/** A run's recorded draw and population (listing order as drawn), or undefined for a run from before draws were recorded. */
export async function runPopulation(db: Queryable, campaign: string, run: number): Promise<{ draw: RunDraw; members: { idx: number; entry: PopulationEntry; drawn: boolean; inspectors: string[] | null }[] } | undefined> {
  const [row] = await db.query<{ draw: unknown }>('SELECT draw FROM audit_runs WHERE campaign = $1 AND run = $2', [campaign, run]);
  if (row?.draw == null) return undefined;
  const rows = await db.query<{ idx: number; input: string; uscc: string | null; credit_class: string | null; drawn: boolean; inspectors: string[] | null }>(
    `SELECT p.idx, l.input, l.uscc, p.credit_class, p.drawn, p.inspectors FROM audit_population p JOIN audit_listings l USING (campaign, idx)
      WHERE p.campaign = $1 AND p.run = $2 ORDER BY p.pos`,
    [campaign, run],
  );
  const cls = (c: string | null) => (CREDIT_CLASSES as readonly string[]).includes(c ?? '') ? { creditClass: c as CreditClass } : {};
  return {
    draw: RunDraw.parse(row.draw) as RunDraw,
    members: rows.map((r) => ({ idx: r.idx, entry: { input: r.input, ...(r.uscc ? { uscc: r.uscc } : {}), ...cls(r.credit_class) }, drawn: r.drawn, inspectors: Array.isArray(r.inspectors) ? r.inspectors.map(String) : null })),
  };
}

/** A job's listing, its run's options, and whether a result is already stored (then the job has nothing to do). */
export async function loadJob(db: Queryable, job: PageJob): Promise<{ input: string; url: string; options: RunOptions; done: boolean } | undefined> {
  const [row] = await db.query<{ input: string; url: string; options: unknown; done: boolean }>(
    `SELECT l.input, l.url, r.options, i.page IS NOT NULL AS done
       FROM audit_items i JOIN audit_listings l USING (campaign, idx) JOIN audit_runs r USING (campaign, run)
      WHERE i.campaign = $1 AND i.run = $2 AND i.idx = $3`,
    [job.campaign, job.run, job.idx],
  );
  return row ? { input: row.input, url: row.url, options: RunOptions.parse(row.options), done: row.done } : undefined;
}

/** Stores one result; the first one written wins and later ones are dropped. True when this call stored it. */
export async function saveResult(db: Queryable, job: PageJob, result: { status: string; page: unknown; evidenceDir: string; worker: string }): Promise<boolean> {
  const rows = await db.query(
    `UPDATE audit_items SET status = $4, page = $5, evidence_dir = $6, worker = $7, done_at = now(), error = NULL
      WHERE campaign = $1 AND run = $2 AND idx = $3 AND page IS NULL RETURNING idx`,
    [job.campaign, job.run, job.idx, result.status, JSON.stringify(result.page), result.evidenceDir, result.worker],
  );
  return rows.length === 1;
}

/**
 * Records that the queue gave up on a job after all its retries, with the last error (`error`, both languages), unless
 * a result was stored meanwhile. True when this call recorded it.
 */
export async function saveGaveUp(db: Queryable, job: PageJob, error: string, worker: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE audit_items SET status = 'failed', error = $4, worker = $5, done_at = now()
      WHERE campaign = $1 AND run = $2 AND idx = $3 AND page IS NULL RETURNING idx`,
    [job.campaign, job.run, job.idx, error, worker],
  );
  return rows.length === 1;
}

/**
 * The runs of a campaign, oldest first, with their options and the trust list and lists as read when each was enqueued
 * (`lists`, absent for runs enqueued before they were recorded).
 */
export async function listRuns(db: Queryable, campaign: string): Promise<{ run: number; createdAt: Date; options: RunOptions; lists?: RunLists }[]> {
  const rows = await db.query<{ run: number; created_at: Date; options: unknown; lists: unknown }>(
    'SELECT run, created_at, options, lists FROM audit_runs WHERE campaign = $1 ORDER BY run',
    [campaign],
  );
  return rows.map((r) => ({ run: r.run, createdAt: r.created_at, options: RunOptions.parse(r.options), ...(r.lists == null ? {} : { lists: RunLists.parse(r.lists) as RunLists }) }));
}

/** Every item of one run, in listing order. */
export async function runItems(db: Queryable, campaign: string, run: number): Promise<RunItem[]> {
  const rows = await db.query<{ idx: number; input: string; url: string; page: unknown; evidence_dir: string | null; error: string | null; done_at: Date | null }>(
    `SELECT i.idx, l.input, l.url, i.page, i.evidence_dir, i.error, i.done_at FROM audit_items i JOIN audit_listings l USING (campaign, idx)
      WHERE i.campaign = $1 AND i.run = $2 ORDER BY i.idx`,
    [campaign, run],
  );
  return rows.map((r) => ({ idx: r.idx, input: r.input, url: r.url, page: r.page, evidenceDir: r.evidence_dir, error: r.error, doneAt: r.done_at }));
}
