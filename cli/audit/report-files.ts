import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_RULES } from '../../core/audit';
import { toCsv } from '../../core/audit/csv';
import { REPORT_FORMAT, type AuditReport, type CampaignSection } from './report';
import { renderHtml } from './report-html';
import type { PageReport } from './run-page';
import { summarise } from './summary';

export const CSV_HEADER = ['page', 'input', 'url', 'status', 'rule', 'outcome', 'message_zh', 'message_en', 'selector', 'evidence', 'screenshot', 'html', 'html_sha256', 'time'];

/** One CSV row per finding, with the page's evidence paths. */
export function csvRows(pages: readonly PageReport[]): string[][] {
  return pages.flatMap((p) => p.findings.map((f) => [
    String(p.index + 1), p.input, p.url, p.status, f.ruleId, f.outcome, f.message.zh, f.message.en, f.selector ?? '',
    f.evidence.join(' '), p.evidence.screenshot ?? '', p.evidence.html ?? '', p.evidence.htmlSha256 ?? '', p.finishedAt,
  ]));
}

/** Writes report.json, report.csv and report.html into `out` (with a campaign's section when given). */
export function writeReport(out: string, pages: PageReport[], options: Record<string, unknown>, refusedLists: AuditReport['refusedLists'], campaign?: CampaignSection): AuditReport {
  mkdirSync(out, { recursive: true });
  const report: AuditReport = { format: REPORT_FORMAT, generatedAt: new Date().toISOString(), options, rules: AUDIT_RULES, refusedLists, summary: summarise(pages), pages, ...(campaign ? { campaign: campaign.json } : {}) };
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'report.csv'), toCsv(CSV_HEADER, csvRows(pages)));
  const shot = (p: PageReport) => {
    try { return p.evidence.screenshot ? readFileSync(join(out, p.evidence.screenshot)).toString('base64') : undefined; } catch { return undefined; }
  };
  writeFileSync(join(out, 'report.html'), renderHtml(report, shot, campaign?.html));
  return report;
}
