import PgBoss from 'pg-boss';
import type { Queryable } from '../../../server/db/database';
import { say } from '../../io';
import { GAVE_UP_QUEUE, PAGE_QUEUE, type PageJob, type RunOptions } from './types';

/**
 * A pg-boss instance on the campaign's PostgreSQL (its tables live in the `pgboss` schema). Workers supervise:
 * every `sweepSeconds` one of them (pg-boss elects it in the database) fails the jobs whose worker stopped answering
 * past their expiry, and the queue hands them out again; and they keep the schedules: every `sweepSeconds` (at most
 * 30) one of them sends the job of each schedule whose time has come. Enqueuers and report readers do neither.
 */
export async function openBoss(url: string, options: { supervise: boolean; sweepSeconds?: number }): Promise<PgBoss> {
  const sweep = options.sweepSeconds;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    supervise: options.supervise,
    schedule: options.supervise,
    ...(sweep ? { maintenanceIntervalSeconds: sweep, cronMonitorIntervalSeconds: Math.min(sweep, 30), cronWorkerIntervalSeconds: Math.min(sweep, 5) } : {}),
  });
  // pg-boss reports background failures as events; unhandled they would end the process.
  boss.on('error', (err) => say(`audit queue: ${err.message}`));
  await boss.start();
  await boss.createQueue(GAVE_UP_QUEUE);
  await boss.createQueue(PAGE_QUEUE);
  return boss;
}

/** Sends the page jobs through `tx` (a job that fails all its retries goes on to GAVE_UP_QUEUE), so they exist exactly when the rows that list them were committed. */
export async function sendPageJobs(boss: PgBoss, tx: Queryable, jobs: readonly PageJob[], options: RunOptions): Promise<void> {
  const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) };
  // pg-boss inserts a batch in one statement; a million listings go in slices.
  for (let i = 0; i < jobs.length; i += 5000) {
    await boss.insert(jobs.slice(i, i + 5000).map((data) => ({
      name: PAGE_QUEUE, data, expireInSeconds: options.jobTimeout, retryLimit: options.jobRetries, retryDelay: 1, deadLetter: GAVE_UP_QUEUE,
    })), { db });
  }
}
