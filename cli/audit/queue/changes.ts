import type { Outcome } from '../../../core/audit';

/** What a finding did between two runs of a campaign on the same listing and rule. */
export type Change = 'new' | 'fixed' | 'persisting';

/** One listing's rule that changed (or stayed a problem) since the previous run. */
export interface FindingChange {
  idx: number;
  input: string;
  url: string;
  ruleId: string;
  change: Change;
  before: Outcome | null;
  after: Outcome | null;
}

/** A page's findings as the comparison needs them. */
export interface ComparedPage {
  idx: number;
  input: string;
  url: string;
  status: 'ok' | 'error';
  findings: readonly { ruleId: string; outcome: Outcome }[];
}

/** Outcomes a regulator follows up; `pass` and `not-applicable` are clean. */
const PROBLEM: ReadonlySet<Outcome> = new Set(['violation', 'needs-review']);

/**
 * Compares two runs listing by listing (by the campaign's stable listing index) and rule by rule. A problem
 * (violation or needs review) only in the later run is new, only in the earlier one fixed, in both persisting; a rule
 * the later run did not apply fixes nothing. A listing not audited in both runs (missing from one, or its page failed
 * to load) is left out: a page that did not load proves neither a fix nor a new problem.
 */
export function compareRuns(before: readonly ComparedPage[], after: readonly ComparedPage[]): FindingChange[] {
  const earlier = new Map(before.filter((p) => p.status === 'ok').map((p) => [p.idx, p]));
  const out: FindingChange[] = [];
  for (const page of after) {
    const prev = earlier.get(page.idx);
    if (page.status !== 'ok' || !prev) continue;
    const was = new Map(prev.findings.map((f) => [f.ruleId, f.outcome]));
    const now = new Map(page.findings.map((f) => [f.ruleId, f.outcome]));
    for (const ruleId of new Set([...was.keys(), ...now.keys()])) {
      const b = was.get(ruleId) ?? null;
      const a = now.get(ruleId) ?? null;
      const pb = b !== null && PROBLEM.has(b);
      const pa = a !== null && PROBLEM.has(a);
      // A rule the later run did not apply (the rule set changed) proves no fix.
      if ((!pb && !pa) || (pb && a === null)) continue;
      out.push({ idx: page.idx, input: page.input, url: page.url, ruleId, change: pa && pb ? 'persisting' : pa ? 'new' : 'fixed', before: b, after: a });
    }
  }
  return out.sort((x, y) => x.idx - y.idx || x.ruleId.localeCompare(y.ruleId));
}

/** How many of each change. */
export function countChanges(changes: readonly FindingChange[]): Record<Change, number> {
  const c: Record<Change, number> = { new: 0, fixed: 0, persisting: 0 };
  for (const x of changes) c[x.change]++;
  return c;
}
