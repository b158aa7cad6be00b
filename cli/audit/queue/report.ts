import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { auditRule, chinaTime, errorFinding } from '../../../core/audit';
import type { PrivateJwk } from '../../../core/crypto';
import type { Queryable } from '../../../server/db/database';
import type { AuditReport } from '../report';
import { loadContext } from '../context';
import { NO_LISTS, planRun, populationCsv, type Plan } from '../plan';
import { writeReport } from '../report-files';
import { runRecord } from '../run';
import { esc } from '../report-html';
import type { PageReport } from '../run-page';
import { compareRuns, countChanges, type Change, type FindingChange } from './changes';
import { listRuns, runItems, runPopulation } from './store';
import type { RunItem, RunLists } from './types';

/** The parts of a stored page report the campaign report relies on; rows are checked before use. */
/** A file of a page's evidence folder, relative to the report (`pages/001/screenshot.png`): no `..`, no other folder. */
const EVIDENCE_FILE = z.string().regex(/^pages\/\d+\/[\w-]+\.[a-z]+$/);

/** Where a worker keeps a result's evidence under `--evidence` (worker.ts): `<campaign>/run-<n>/<attempt uuid>`. */
const EVIDENCE_DIR = /^[A-Za-z0-9][\w.-]{0,63}\/run-\d+\/[0-9a-f-]{36}$/;

const StoredPage = z.looseObject({
  index: z.number().int().min(0),
  input: z.string(),
  url: z.string(),
  status: z.enum(['ok', 'error']),
  finishedAt: z.string(),
  // Paths the report writer reads under its folder: a file of that page's folder, never one elsewhere on its machine.
  evidence: z.looseObject({
    dir: z.string().regex(/^pages\/\d+$/),
    screenshot: EVIDENCE_FILE.optional(), html: EVIDENCE_FILE.optional(), facts: EVIDENCE_FILE.optional(),
  }).refine((e) => [e.screenshot, e.html, e.facts].every((f) => f === undefined || f.startsWith(`${e.dir}/`))),
  findings: z.array(z.looseObject({
    ruleId: z.string(), outcome: z.enum(['violation', 'needs-review', 'pass', 'not-applicable', 'error']),
    message: z.object({ zh: z.string(), en: z.string() }), evidence: z.array(z.string()), selector: z.string().optional(),
  })),
});

/**
 * Progress of one run: its listings; those finished (`audited`: a result stored, or the queue gave up on the job);
 * of those, the ones that failed (the page did not load, or the job failed all its retries); those still waiting.
 * `audited + pending = listings`; done = `audited - failed`.
 */
export interface RunProgress {
  campaign: string;
  run: number;
  listings: number;
  audited: number;
  failed: number;
  pending: number;
}

/** What `xinbiao audit report` wrote. */
export interface CampaignReport {
  progress: RunProgress;
  previousRun: number | null;
  changes: FindingChange[];
  report: AuditReport;
  /** Results whose evidence folder was not found under the evidence directory (another machine's disk?). */
  missingEvidence: number;
}

const CHANGE_LABEL: Record<Change, string> = { new: '新增 New', fixed: '已整改 Fixed', persisting: '仍存在 Persisting' };

/** A job the queue gave up on, as the report shows a page that could not be audited (its evidence folder stays empty). */
function gaveUpPage(item: RunItem, attempts: number): PageReport {
  const time = chinaTime((item.doneAt ?? new Date()).getTime());
  return {
    index: item.idx, input: item.input, url: item.url, status: 'error', error: item.error!, attempts, startedAt: time, finishedAt: time,
    evidence: { dir: `pages/${String(item.idx + 1).padStart(3, '0')}` }, findings: [errorFinding(item.error!)],
  };
}

function pagesOf(items: readonly RunItem[], attempts: number): { page: PageReport; item: RunItem }[] {
  const out: { page: PageReport; item: RunItem }[] = [];
  for (const item of items) {
    if (item.page === null) {
      if (item.error !== null) out.push({ page: gaveUpPage(item, attempts), item });
      continue;
    }
    const parsed = StoredPage.safeParse(item.page);
    // A stored row that is not a page report is not shown as one; it stays counted as waiting.
    if (parsed.success && parsed.data.index === item.idx) out.push({ page: parsed.data as unknown as PageReport, item });
  }
  return out;
}

function sectionHtml(progress: RunProgress, previousRun: number | null, changes: readonly FindingChange[]): string {
  const c = countChanges(changes);
  const rows = changes.map((x) => `<tr data-change="${x.change}"><td>${x.idx + 1}</td><td><a href="${esc(x.url)}">${esc(x.input)}</a></td><td>${esc(auditRule(x.ruleId)?.title.zh ?? x.ruleId)}<br><small>${esc(auditRule(x.ruleId)?.title.en ?? '')}</small></td><td>${esc(CHANGE_LABEL[x.change])}</td><td>${esc(x.before ?? '–')} → ${esc(x.after ?? '–')}</td></tr>`).join('');
  const since = previousRun === null
    ? '<p>这是该活动的第一轮，没有可比较的上一轮。 This is the campaign\'s first run: there is no earlier run to compare with.</p>'
    : `<p>与第 ${previousRun} 轮相比 Since run ${previousRun}: <span class="n" data-count="new">${c.new}</span> ${esc(CHANGE_LABEL.new)} · <span class="n" data-count="fixed">${c.fixed}</span> ${esc(CHANGE_LABEL.fixed)} · <span class="n" data-count="persisting">${c.persisting}</span> ${esc(CHANGE_LABEL.persisting)}</p>
<table><thead><tr><th>#</th><th>页面 Listing</th><th>规则 Rule</th><th>变化 Change</th><th>结果 Outcome</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<section id="campaign" aria-label="活动 Campaign"><h2>活动 Campaign ${esc(progress.campaign)} · 第 ${progress.run} 轮 Run ${progress.run}</h2>
<p class="meta">清单 Listings ${progress.listings} · 已完成 Done <span class="n" data-count="done">${progress.audited - progress.failed}</span> · 失败 Failed <span class="n" data-count="failed">${progress.failed}</span> · 待审查 Pending <span class="n" data-count="pending">${progress.pending}</span></p>
${since}
</section>`;
}

/**
 * Writes the report files of one run (default: the latest) into `out` from the stored rows, at any time: pages not
 * audited yet are counted as pending. Evidence is copied from `<evidence>/<result's folder>/pages/<NNN>` into
 * `out/pages/<NNN>`, so the folder stands alone like a plain audit's. The run is compared with the one before it.
 * With `signKey` the manifest is signed (manifest.jws), as a plain audit's. Throws when the campaign or the run does not exist.
 */
export async function writeCampaignReport(db: Queryable, options: { campaign: string; run?: number; out: string; evidence: string; signKey?: PrivateJwk }): Promise<CampaignReport> {
  const runs = await listRuns(db, options.campaign);
  if (runs.length === 0) throw new Error(`没有这个活动 / no such campaign: ${options.campaign}`);
  const chosen = options.run === undefined ? runs.at(-1)! : runs.find((r) => r.run === options.run);
  if (!chosen) throw new Error(`活动 ${options.campaign} 没有第 ${options.run} 轮 / campaign ${options.campaign} has no run ${options.run} (runs: ${runs.map((r) => r.run).join(', ')})`);
  const prev = runs.filter((r) => r.run < chosen.run).at(-1);

  const items = await runItems(db, options.campaign, chosen.run);
  const current = pagesOf(items, chosen.options.jobRetries + 1);
  const before = prev ? pagesOf(await runItems(db, options.campaign, prev.run), prev.options.jobRetries + 1) : [];
  const changes = prev ? compareRuns(before.map((b) => ({ ...b.page, idx: b.item.idx })), current.map((c) => ({ ...c.page, idx: c.item.idx }))) : [];

  rmSync(join(options.out, 'pages'), { recursive: true, force: true });
  let missingEvidence = 0;
  for (const { page, item } of current) {
    if (item.page === null) continue;
    const from = join(options.evidence, item.evidenceDir ?? '', page.evidence.dir);
    if (item.evidenceDir && EVIDENCE_DIR.test(item.evidenceDir) && existsSync(from)) cpSync(from, join(options.out, page.evidence.dir), { recursive: true });
    else missingEvidence++;
  }
  const progress: RunProgress = {
    campaign: options.campaign, run: chosen.run, listings: items.length, audited: current.length,
    failed: current.filter((c) => c.page.status === 'error').length, pending: items.length - current.length,
  };
  const json = { ...progress, runs: runs.map((r) => r.run), previousRun: prev?.run ?? null, changeCounts: countChanges(changes), changes };
  // The run record: the trust list and lists as read at enqueue (runs enqueued before they were recorded: read now), the recorded draw.
  const lists: RunLists = chosen.lists ?? await loadContext({ trust: chosen.options.trust, trustRoot: chosen.options.trustRoot, lists: chosen.options.lists });
  const recorded = await runPopulation(db, options.campaign, chosen.run);
  let plan: Plan;
  if (recorded) {
    const drawn = recorded.members.flatMap((m, pos) => (m.drawn ? [pos] : []));
    plan = {
      population: recorded.members.map((m) => m.entry), chosen: drawn, sample: { ...recorded.draw.sample, size: drawn.length },
      ...(recorded.draw.inspectors ? { assigned: drawn.map((pos) => recorded.members[pos]!.inspectors ?? []) } : {}),
    };
    const member = new Map(recorded.members.map((m) => [m.idx, m]));
    for (const { page } of current) {
      const m = member.get(page.index);
      if (m?.entry.uscc) page.uscc = m.entry.uscc;
      if (m?.entry.creditClass) page.creditClass = m.entry.creditClass;
      if (recorded.draw.inspectors && m?.inspectors) page.inspectors = m.inspectors;
    }
  } else {
    // A run from before draws were recorded: its listings are its population, all audited.
    plan = await planRun(items.map((i) => ({ input: i.input })), NO_LISTS, { seedText: '1' }, Date.now());
  }
  const who = recorded ? { operator: recorded.draw.operator, inspectors: recorded.draw.inspectors } : {};
  const report = await writeReport(options.out, {
    run: runRecord(lists, plan, who, chosen.createdAt.getTime(), Date.now()), pages: current.map((c) => c.page),
    options: { campaign: options.campaign, run: chosen.run, ...chosen.options }, refusedLists: lists.refused,
    populationCsv: { text: populationCsv(plan), size: plan.population.length },
    campaign: { json, html: sectionHtml(progress, prev?.run ?? null, changes) }, signKey: options.signKey,
  });
  return { progress, previousRun: prev?.run ?? null, changes, report, missingEvidence };
}
