import * as z from 'zod';
import { CREDIT_CLASSES, Inspectors, Weights, type RunRecord } from '../../../core/audit';
import type { AuditContext } from '../context';

/** The pg-boss queue every campaign's page jobs go to (one queue; a job names its campaign, run and listing). */
export const PAGE_QUEUE = 'xinbiao-audit-page';

/** Dead-letter queue: the queue puts a copy of a page job here once it failed all its retries, so a worker records why. */
export const GAVE_UP_QUEUE = 'xinbiao-audit-page-failed';

/**
 * The queue a campaign's schedule fires into (`xinbiao audit schedule`): pg-boss keys a schedule by its queue, so each
 * scheduled campaign has one; workers find them through the schedules.
 */
export const scheduleQueue = (campaign: string): string => `${SCHEDULE_QUEUE_PREFIX}${campaign}`;
export const SCHEDULE_QUEUE_PREFIX = 'xinbiao-audit-repeat.';

/** The data of a schedule's job: the campaign whose next run it starts. */
export const ScheduleJob = z.object({ campaign: z.string() });

/** A campaign id: it names a folder of the evidence directory, so letters, digits, `.`, `_` and `-` only. */
export const CampaignId = z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/, {
  message: '活动编号只能含字母、数字、点、下划线和连字符（最多 64 个） / a campaign id has letters, digits, ".", "_" and "-" only (at most 64)',
});

/**
 * How every page of a run is audited, fixed when the run is created so that all workers audit alike. Paths (trust
 * list, root key, lists folder) are read when a run starts (by the enqueuer, or the worker that starts a scheduled
 * run); workers audit against the files pinned with the run (pinned.ts).
 */
export const RunOptions = z.object({
  /** Per page load and step, ms. */
  timeout: z.number().int().min(1000),
  /** Extra attempts at loading a page inside one job. */
  retries: z.number().int().min(0).max(10),
  pageKind: z.enum(['shop', 'platform-home', 'other']).optional(),
  trust: z.string().optional(),
  trustRoot: z.string().optional(),
  lists: z.string().optional(),
  /** Seconds a job may stay active before the queue takes it back from a worker that died (pg-boss expireInSeconds). */
  jobTimeout: z.number().int().min(1),
  /** How many times the queue hands a job out again after a worker died or failed on it (pg-boss retryLimit). */
  jobRetries: z.number().int().min(0).max(100),
});
export type RunOptions = z.infer<typeof RunOptions>;

/** A page job's data: keys only; the listing and the run's options are read from the tables. */
export const PageJob = z.object({ campaign: CampaignId, run: z.number().int().min(1), idx: z.number().int().min(0) });
export type PageJob = z.infer<typeof PageJob>;

/**
 * A run's draw as stored in `audit_runs.draw` (cli/audit/plan.ts `planRun` made it): the run record's `sample`
 * (method, seed, seed text, generator, weights, counts per class), the inspectors file and the operator. Its size is
 * recounted from the population rows when read, since listings may join a run that audits all of its population.
 */
export const RunDraw = z.object({
  sample: z.object({
    method: z.enum(['all', 'uniform', 'weighted']),
    size: z.number().int().min(0),
    seed: z.number().int().min(0),
    seedText: z.string(),
    generator: z.string(),
    weights: z.optional(Weights),
    byClass: z.array(z.object({ creditClass: z.enum(CREDIT_CLASSES), population: z.number().int().min(0), rate: z.number(), drawn: z.number().int().min(0) })).optional(),
  }),
  inspectors: z.optional(Inspectors),
  operator: z.string().optional(),
});
export type RunDraw = { sample: RunRecord['sample']; inspectors?: Inspectors; operator?: string };

const UsedFile = z.object({
  id: z.string(), version: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/), file: z.string(), kind: z.string().optional(), publisher: z.string().optional(),
});

/**
 * The trust list and lists a run's options name, as read when the run was enqueued (`audit_runs.lists`): the trust list
 * and every list used with its SHA-256, the files refused and why (both languages), and which came from the demo
 * samples. The report names these, so a report written later names the lists the run started with.
 */
export const RunLists = z.object({
  trustFile: UsedFile.extend({ rootKid: z.string() }),
  listFiles: z.array(UsedFile),
  refused: z.array(z.object({ file: z.string(), reason: z.string() })),
  demo: z.object({ trust: z.boolean(), lists: z.boolean() }),
});
export type RunLists = Pick<AuditContext, 'trustFile' | 'listFiles' | 'refused' | 'demo'>;

/** Only the fields RunLists keeps: a loaded context also holds the lists themselves. */
export const runListsOf = (ctx: RunLists): RunLists => ({ trustFile: ctx.trustFile, listFiles: ctx.listFiles, refused: ctx.refused, demo: ctx.demo });

/** One item of a run as the report reads it: the listing and, once a worker finished it, its page report. */
export interface RunItem {
  idx: number;
  input: string;
  url: string;
  /** The page report (cli/audit/run-page PageReport), null while the item waits for a worker. */
  page: unknown;
  /** Folder of this result's evidence, relative to the evidence directory. */
  evidenceDir: string | null;
  /** Why the queue gave up on the job after all its retries (both languages), null otherwise. */
  error: string | null;
  /** When the result was stored or the queue gave up, null while waiting. */
  doneAt: Date | null;
}
