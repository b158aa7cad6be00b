import * as z from 'zod/mini';

/** An inspector's verdict on one finding. */
export const Verdict = z.enum(['undecided', 'confirmed', 'dismissed']);
export type Verdict = z.infer<typeof Verdict>;

const text = z.string().check(z.maxLength(20_000));
const Outcome = z.enum(['violation', 'pass', 'needs-review', 'not-applicable', 'error']);

export const RecordFinding = z.object({
  ruleId: z.string().check(z.maxLength(100)),
  outcome: Outcome,
  message: z.object({ zh: text, en: text }),
  evidence: z.array(z.string().check(z.maxLength(200))),
  selector: z.optional(text),
  verdict: Verdict,
  note: text,
});
export type RecordFinding = z.infer<typeof RecordFinding>;

/** One spot-check of one page with its evidence, as kept in IndexedDB and exported. */
export const AuditRecord = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  url: z.string().check(z.maxLength(4000)),
  site: z.string().check(z.maxLength(300)),
  time: z.iso.datetime({ offset: true }),
  title: text,
  pageKind: z.enum(['shop', 'platform-home', 'other']),
  /** PNG data URL from captureVisibleTab. */
  screenshot: z.string().check(z.maxLength(30_000_000), z.regex(/^(data:image\/png;base64,[A-Za-z0-9+/=]*)?$/)),
  html: z.string().check(z.maxLength(30_000_000)),
  htmlSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The evaluator's input: facts, mark checks and list matches (JSON, kept as read). */
  data: z.unknown(),
  findings: z.array(RecordFinding),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const EXPORT_FORMAT = 'xinbiao-audit-records/1';

/** The JSON export file. */
export const AuditExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.iso.datetime({ offset: true }),
  records: z.array(AuditRecord),
});
export type AuditExport = z.infer<typeof AuditExport>;
