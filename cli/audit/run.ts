import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chinaTime, ruleSetInfo, type Inspectors, type PageKind, type PopulationEntry, type RunRecord, type Weights } from '../../core/audit';
import type { PrivateJwk } from '../../core/crypto';
import { version } from '../version';
import { openBrowser } from './browser';
import { loadContext, type AuditContext, type ContextOptions } from './context';
import { toTarget } from './inputs';
import { planRun, populationCsv, type Plan } from './plan';
import { mapPool } from './pool';
import { progress } from './progress';
import type { AuditReport } from './report';
import { writeReport } from './report-files';
import { auditPage, type PageReport } from './run-page';

export interface RunOptions extends ContextOptions {
  out: string;
  concurrency: number;
  timeout: number;
  retries: number;
  browserWs?: string;
  pageKind?: PageKind;
  viewport?: { width: number; height: number };
  /** `--sample N`: a uniform draw of N. */
  sample?: number;
  /** `--seed` as given (a number or text). */
  seed?: string;
  /** `--weights`: rates per credit class (replaces `sample`). */
  weights?: Weights;
  /** `--inspectors`: who checks the drawn listings. */
  inspectors?: Inspectors;
  /** `--operator`: who runs the audit, recorded as given. */
  operator?: string;
  /** `--sign-key`: signs the manifest. */
  signKey?: PrivateJwk;
  /** False: no report.pdf. */
  pdf?: boolean;
  /** Called once the sample is drawn (the command says how many of how many). */
  onPlan?: (plan: Plan) => void;
  /** Called as each page finishes (the command prints its JSON line). */
  onPage?: (page: PageReport) => void;
  quiet?: boolean;
}

/** The run record of a run with this context and plan, timed `startedAt`…`finishedAt` (ms). */
export function runRecord(ctx: Pick<AuditContext, 'trustFile' | 'listFiles' | 'demo'>, plan: Plan, options: Pick<RunOptions, 'operator' | 'inspectors'>, startedAt: number, finishedAt: number): RunRecord {
  return {
    id: randomUUID(),
    tool: { name: 'xinbiao', version: version() },
    ruleSet: ruleSetInfo(),
    trust: ctx.trustFile,
    lists: ctx.listFiles,
    demo: ctx.demo,
    ...(options.operator ? { operator: options.operator } : {}),
    startedAt: chinaTime(startedAt),
    finishedAt: chinaTime(finishedAt),
    population: { size: plan.population.length, sha256: '', file: 'population.csv' },
    sample: plan.sample,
    ...(options.inspectors ? { inspectors: { ids: options.inspectors.inspectors, perListing: Math.min(options.inspectors.perListing ?? 1, options.inspectors.inspectors.length) } } : {}),
  };
}

/**
 * Loads the trust list and lists, draws the sample from the population (uniform, weighted by credit class, with
 * inspectors), audits the drawn pages in one browser with bounded concurrency and writes the report folder.
 */
export async function runAudit(population: readonly PopulationEntry[], options: RunOptions): Promise<AuditReport> {
  const startedAt = Date.now();
  const ctx = await loadContext(options);
  const plan = await planRun(population, ctx.lists, { sample: options.sample, seedText: options.seed ?? '1', weights: options.weights, inspectors: options.inspectors }, startedAt);
  options.onPlan?.(plan);
  const targets = plan.chosen.map((i) => toTarget(plan.population[i]!.input));
  rmSync(`${options.out}/pages`, { recursive: true, force: true });
  const browser = await openBrowser(options.browserWs, options.timeout);
  const bar = options.quiet ? undefined : progress(targets.length);
  try {
    const pages = await mapPool(targets, options.concurrency, async (t, i) => {
      const p = await auditPage(browser, t, i, options.out, ctx, {
        timeout: options.timeout, retries: options.retries, pageKind: options.pageKind, viewport: options.viewport ?? { width: 1280, height: 800 },
      });
      const member = plan.population[plan.chosen[i]!]!;
      if (member.uscc) p.uscc = member.uscc;
      if (member.creditClass) p.creditClass = member.creditClass;
      if (plan.assigned) p.inspectors = plan.assigned[i]!;
      bar?.tick(t.input, p.status === 'error');
      options.onPage?.(p);
      return p;
    });
    bar?.done();
    const { onPage: _o, onPlan: _p, signKey: _k, ...shown } = options;
    return await writeReport(options.out, {
      run: runRecord(ctx, plan, options, startedAt, Date.now()), pages, refusedLists: ctx.refused, options: { ...shown },
      populationCsv: { text: populationCsv(plan), size: plan.population.length }, signKey: options.signKey,
      pdf: options.pdf === false ? false : { browser },
    });
  } finally {
    await browser.close().catch(() => {});
  }
}
