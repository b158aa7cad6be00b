import { AUDIT_RULES } from '../../core/audit';
import type { Outcome } from '../../core/audit';
import type { PageReport } from './run-page';

export const OUTCOMES: readonly Outcome[] = ['violation', 'needs-review', 'pass', 'not-applicable', 'error'];
export type Counts = Record<Outcome, number>;
const zero = (): Counts => ({ violation: 0, 'needs-review': 0, pass: 0, 'not-applicable': 0, error: 0 });

/** Counts of outcomes overall, per rule and per site (host, or the file name for saved pages). */
export interface Summary {
  pages: number;
  failedPages: number;
  total: Counts;
  byRule: Record<string, Counts>;
  bySite: Record<string, Counts>;
}

export const siteOf = (p: Pick<PageReport, 'url'>) => {
  try {
    const u = new URL(p.url);
    return u.protocol === 'file:' ? u.pathname.split('/').pop()! : u.host;
  } catch {
    return p.url;
  }
};

export function summarise(pages: readonly PageReport[]): Summary {
  const s: Summary = { pages: pages.length, failedPages: pages.filter((p) => p.status === 'error').length, total: zero(), byRule: {}, bySite: {} };
  for (const r of AUDIT_RULES) s.byRule[r.id] = zero();
  for (const p of pages) {
    const site = (s.bySite[siteOf(p)] ??= zero());
    for (const f of p.findings) {
      s.total[f.outcome]++;
      site[f.outcome]++;
      (s.byRule[f.ruleId] ??= zero())[f.outcome]++;
    }
  }
  return s;
}
