import type { PageReport } from './schemas';

const LEVELS = ['good', 'neutral', 'caution', 'danger', 'unknown'];
const isText = (v: unknown) => typeof v === 'string';
const isReasons = (v: unknown) => Array.isArray(v) && v.every((r) => r && isText(r.code) && isText(r.zh) && isText(r.en));

/**
 * Shape check of the background's answer in the content script. The background built it from zod-validated input;
 * the full zod schema would put the content script over its size budget, and everything is rendered as text anyway.
 */
export const PageReportShape = {
  safeParse(v: unknown): { success: true; data: PageReport } | { success: false } {
    const r = v as PageReport | undefined;
    const ok = !!r && isText(r.url) && Array.isArray(r.subjects) && r.subjects.every((s) =>
      s && isText(s.key) && isText(s.name) && LEVELS.includes(s.level) && isReasons(s.reasons) && isReasons(s.warnings) &&
      Array.isArray(s.marks) && (s.status === undefined || (typeof s.status === 'object' && !!s.status && isText(s.status.subject?.name)
        && Array.isArray(s.status.creditLevels) && Array.isArray(s.status.listEntries) && Array.isArray(s.status.records) && Array.isArray(s.status.commitments))));
    return ok ? { success: true, data: r } : { success: false };
  },
};
