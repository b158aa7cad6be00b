import { toCsv } from '../../core/audit';
import type { AuditRecord } from './record';

const HEADER = ['record', 'time', 'site', 'url', 'rule', 'outcome', 'verdict', 'note', 'message_zh', 'message_en', 'selector', 'html_sha256'];

/** One row per finding with the inspector's verdict and note. */
export function recordsToCsv(records: readonly AuditRecord[]): string {
  return toCsv(HEADER, records.flatMap((r) => r.findings.map((f) => [
    r.id, r.time, r.site, r.url, f.ruleId, f.outcome, f.verdict, f.note, f.message.zh, f.message.en, f.selector ?? '', r.htmlSha256,
  ])));
}
