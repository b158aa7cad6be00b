import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { AUDIT_RULES, chinaTime, withBasis, type RunRecord } from '../../core/audit';
import { toCsv } from '../../core/audit';
import { sha256Hex, type PrivateJwk } from '../../core/crypto';
import { openBrowser } from './browser';
import { printPdf } from './pdf';
import { REPORT_FORMAT, type AuditReport, type CampaignSection } from './report';
import { renderHtml } from './report-html';
import type { PageReport } from './run-page';
import { sealFolder } from './seal';
import { summarise } from './summary';

export const CSV_HEADER = ['page', 'input', 'url', 'status', 'rule', 'outcome', 'message_zh', 'message_en', 'selector', 'evidence', 'screenshot', 'html', 'html_sha256', 'time', 'basis', 'uscc', 'credit_class', 'inspectors'];

/** One CSV row per finding, with the page's evidence paths, the rule's basis and the listing's class and inspectors. */
export function csvRows(pages: readonly PageReport[]): string[][] {
  return pages.flatMap((p) => p.findings.map(withBasis).map((f) => [
    String(p.index + 1), p.input, p.url, p.status, f.ruleId, f.outcome, f.message.zh, f.message.en, f.selector ?? '',
    f.evidence.join(' '), p.evidence.screenshot ?? '', p.evidence.html ?? '', p.evidence.htmlSha256 ?? '', p.finishedAt,
    (f.basis ?? []).join('；'), p.uscc ?? '', p.creditClass ?? '', (p.inspectors ?? []).join(' '),
  ]));
}

/**
 * What the report writer takes. `run` is the run record (RunRecord: id, tool and rule-set versions, trust list and lists
 * with digests, demo flags, operator, China-time start and end, population, sample and inspectors); `pages` the
 * per-page results in report order (PageReport: index, input, url, status, evidence paths relative to the folder,
 * findings …; their evidence files already written under `out`).
 */
export interface ReportInput {
  run: RunRecord;
  pages: PageReport[];
  /** Lists refused while loading, named in the report. */
  refusedLists?: AuditReport['refusedLists'];
  /** The command's options, kept as given (no key material). */
  options?: Record<string, unknown>;
  /** population.csv (plan.ts `populationCsv`): written beside the report; its size and digest go into `run.population`. */
  populationCsv?: { text: string; size: number };
  /** Private Ed25519 JWK: signs manifest.json as manifest.jws. */
  signKey?: PrivateJwk;
  /** report.pdf: printed with this browser, or one launched for it; `false` writes no PDF. */
  pdf?: { browser?: Browser } | false;
  /** A campaign run's section (cli/audit/queue): its fields in report.json, its escaped HTML in report.html. */
  campaign?: CampaignSection;
}

/**
 * Writes the report folder `out`: report.json, report.csv, report.html, population.csv (when given), report.pdf
 * (unless `pdf: false`), then manifest.json over every file of the folder (and manifest.jws with `signKey`).
 * The one entry point for every way of running an audit (one process, or a campaign's report).
 */
export async function writeReport(out: string, input: ReportInput): Promise<AuditReport> {
  mkdirSync(out, { recursive: true });
  const run: RunRecord = { ...input.run };
  if (input.populationCsv) {
    const bytes = new TextEncoder().encode(input.populationCsv.text);
    writeFileSync(join(out, 'population.csv'), bytes);
    run.population = { size: input.populationCsv.size, sha256: sha256Hex(bytes), file: 'population.csv' };
  }
  const pages = input.pages.map((p) => ({ ...p, findings: p.findings.map(withBasis) }));
  const report: AuditReport = {
    format: REPORT_FORMAT, generatedAt: chinaTime(Date.now()), run, options: input.options ?? {}, rules: AUDIT_RULES,
    refusedLists: input.refusedLists ?? [], summary: summarise(pages), pages, ...(input.campaign ? { campaign: input.campaign.json } : {}),
  };
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'report.csv'), toCsv(CSV_HEADER, csvRows(pages)));
  const shot = (p: PageReport) => {
    try { return p.evidence.screenshot ? readFileSync(join(out, p.evidence.screenshot)).toString('base64') : undefined; } catch { return undefined; }
  };
  const html = renderHtml(report, shot, input.campaign?.html);
  writeFileSync(join(out, 'report.html'), html);
  if (input.pdf !== false) {
    const browser = input.pdf?.browser ?? await openBrowser();
    try {
      writeFileSync(join(out, 'report.pdf'), await printPdf(browser, html, run));
    } finally {
      if (!input.pdf?.browser) await browser.close().catch(() => {});
    }
  }
  await sealFolder(out, run.id, report.generatedAt, input.signKey);
  return report;
}
