import { AUDIT_RULES } from '../../core/audit';
import type { Outcome } from '../../core/audit';
import type { PageReport } from './run-page';

export const OUTCOMES: readonly Outcome[] = ['violation', 'needs-review', 'pass', 'not-applicable', 'error'];
export type Counts = Record<Outcome, number>;
const zero = (): Counts => ({ violation: 0, 'needs-review': 0, pass: 0, 'not-applicable': 0, error: 0 });

/** Counts of outcomes overall, per rule and per site (`siteOf`). */
export interface Summary {
  pages: number;
  failedPages: number;
  total: Counts;
  byRule: Record<string, Counts>;
  bySite: Record<string, Counts>;
}

/** The group of saved pages that do not say where they were saved from. */
export const UNKNOWN_SITE = '本地文件（来源不明） Saved file, source unknown';

/**
 * The site a page belongs to: its origin (`https://shop.example`), a saved page's saved-from origin, or UNKNOWN_SITE
 * for a saved page without one. Never the file name: two saves of one shop are one site.
 */
export const siteOf = (p: Pick<PageReport, 'url' | 'savedFrom'>): string => {
  for (const address of [p.savedFrom, p.url]) {
    if (!address) continue;
    try {
      const u = new URL(address);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
    } catch { /* not an address: try the next */ }
  }
  return UNKNOWN_SITE;
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
