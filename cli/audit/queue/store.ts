import type { Queryable } from '../../../server/db/database';
import type { AuditTarget } from '../inputs';
import { RunOptions, type PageJob, type RunItem } from './types';

/** What enqueueing did: the run the listings went to, how many listings were new to the campaign, how many jobs were sent. */
export interface Enqueued {
  run: number;
  newRun: boolean;
  added: number;
  jobs: PageJob[];
}

/**
 * Records the targets in the campaign, inside the caller's transaction, and returns the page jobs to send in that
 * same transaction. A new campaign, or `repeat`, starts a run over the whole population (earlier listings and the new
 * ones); otherwise the targets join the latest run. A listing already in the run gets no second job, so enqueueing
 * the same inputs twice changes nothing.
 */
export async function recordTargets(tx: Queryable, campaign: string, targets: readonly AuditTarget[], options: RunOptions, repeat: boolean): Promise<Enqueued> {
  // One enqueuer per campaign at a time: listing indexes and run numbers are read, then written.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('xinbiao-audit-campaign:' || $1))", [campaign]);
  await tx.query('INSERT INTO audit_campaigns (id) VALUES ($1) ON CONFLICT DO NOTHING', [campaign]);
  const [last] = await tx.query<{ run: number | null }>('SELECT max(run) AS run FROM audit_runs WHERE campaign = $1', [campaign]);
  const newRun = repeat || last?.run == null;
  const run = newRun ? (last?.run ?? 0) + 1 : last!.run!;
  if (newRun) await tx.query('INSERT INTO audit_runs (campaign, run, options) VALUES ($1, $2, $3)', [campaign, run, JSON.stringify(options)]);

  const known = new Map((await tx.query<{ idx: number; url: string }>('SELECT idx, url FROM audit_listings WHERE campaign = $1', [campaign])).map((r) => [r.url, r.idx]));
  let next = known.size === 0 ? 0 : Math.max(...known.values()) + 1;
  const fresh: { idx: number; input: string; url: string }[] = [];
  for (const t of targets) {
    if (known.has(t.url)) continue;
    known.set(t.url, next);
    fresh.push({ idx: next++, input: t.input, url: t.url });
  }
  if (fresh.length) {
    await tx.query('INSERT INTO audit_listings (campaign, idx, input, url) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])',
      [campaign, fresh.map((f) => f.idx), fresh.map((f) => f.input), fresh.map((f) => f.url)]);
  }
  const wanted = newRun ? [...known.values()] : targets.map((t) => known.get(t.url)!);
  const inserted = await tx.query<{ idx: number }>(
    'INSERT INTO audit_items (campaign, run, idx) SELECT $1, $2, unnest($3::int[]) ON CONFLICT DO NOTHING RETURNING idx',
    [campaign, run, [...new Set(wanted)]],
  );
  return { run, newRun, added: fresh.length, jobs: inserted.map((r) => ({ campaign, run, idx: r.idx })).sort((a, b) => a.idx - b.idx) };
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
    `UPDATE audit_items SET status = $4, page = $5, evidence_dir = $6, worker = $7, done_at = now()
      WHERE campaign = $1 AND run = $2 AND idx = $3 AND page IS NULL RETURNING idx`,
    [job.campaign, job.run, job.idx, result.status, JSON.stringify(result.page), result.evidenceDir, result.worker],
  );
  return rows.length === 1;
}

/** The runs of a campaign, oldest first, with their counts. */
export async function listRuns(db: Queryable, campaign: string): Promise<{ run: number; createdAt: Date; total: number; done: number; failed: number; options: RunOptions }[]> {
  const rows = await db.query<{ run: number; created_at: Date; total: string; done: string; failed: string; options: unknown }>(
    `SELECT r.run, r.created_at, r.options, count(i.idx) AS total, count(i.page) AS done, count(*) FILTER (WHERE i.status = 'error') AS failed
       FROM audit_runs r LEFT JOIN audit_items i USING (campaign, run)
      WHERE r.campaign = $1 GROUP BY r.run, r.created_at, r.options ORDER BY r.run`,
    [campaign],
  );
  return rows.map((r) => ({ run: r.run, createdAt: r.created_at, total: Number(r.total), done: Number(r.done), failed: Number(r.failed), options: RunOptions.parse(r.options) }));
}

/** Every item of one run, in listing order. */
export async function runItems(db: Queryable, campaign: string, run: number): Promise<RunItem[]> {
  const rows = await db.query<{ idx: number; input: string; url: string; page: unknown; evidence_dir: string | null }>(
    `SELECT i.idx, l.input, l.url, i.page, i.evidence_dir FROM audit_items i JOIN audit_listings l USING (campaign, idx)
      WHERE i.campaign = $1 AND i.run = $2 ORDER BY i.idx`,
    [campaign, run],
  );
  return rows.map((r) => ({ idx: r.idx, input: r.input, url: r.url, page: r.page, evidenceDir: r.evidence_dir }));
}
