import type { AUDIT_RULES, RunRecord } from '../../core/audit';
import type { PageReport } from './run-page';
import type { Summary } from './summary';

export const REPORT_FORMAT = 'xinbiao-audit-report/2';

/** report.json: everything, so other tools can re-render or re-check. Each finding carries its rule's `basis`. */
export interface AuditReport {
  format: typeof REPORT_FORMAT;
  /** China time with offset. */
  generatedAt: string;
  /** Who ran what against which rules, lists and population, and how the sample was drawn. */
  run: RunRecord;
  options: Record<string, unknown>;
  rules: typeof AUDIT_RULES;
  refusedLists: { file: string; reason: string }[];
  summary: Summary;
  pages: PageReport[];
  /** A campaign run's progress and its changes since the previous run (cli/audit/queue), when the report is one. */
  campaign?: Record<string, unknown>;
}

/** What a campaign report adds: its fields in report.json and its section of report.html (already escaped). */
export interface CampaignSection {
  json: Record<string, unknown>;
  html: string;
}
