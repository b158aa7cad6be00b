import { verifyMark, type MarkCheck } from '../marks';
import type { ListMatch, LocalLists } from '../sources/ports';
import type { TrustList } from '../trust';
import { evaluate } from './evaluate';
import type { AuditInput, Finding, MarkResult, PageFacts } from './types';

/** What the audit compares a page against. */
export interface AssessPorts {
  trust: TrustList;
  lists?: LocalLists;
  /** ms since the epoch. */
  now: number;
}

/** The evaluator's view of one verifyMark result. */
export function toMarkResult(selector: string, check: MarkCheck): MarkResult {
  const p = check.payload;
  const r: MarkResult = { selector, outcome: check.outcome, detail: check.detail ?? check.reason.en };
  if (p) {
    r.subject = { ...(p.sub.uscc ? { uscc: p.sub.uscc } : {}), name: p.sub.name, kind: p.sub.kind };
    r.hasIdentityMark = !!p.identity;
    r.hasCreditLevel = p.credit.length > 0;
    r.hasSelfDeclaration = !!p.identity.selfDeclaration;
  }
  if (check.issuer) r.issuer = check.issuer.name;
  return r;
}

/**
 * Verifies the page's signed marks, looks the shown subjects up in the local lists and runs every rule.
 * @returns the evaluator's input (kept as evidence) and the findings.
 */
export async function assess(facts: PageFacts, ports: AssessPorts): Promise<{ input: AuditInput; findings: Finding[] }> {
  const marks: MarkResult[] = [];
  for (const m of facts.marks.filter((x) => x.kind === 'xinbiao')) {
    marks.push(toMarkResult(m.selector, await verifyMark(m.token ?? '', { trust: ports.trust, pageUrl: facts.savedFrom ?? facts.url, now: ports.now })));
  }
  const lists: ListMatch[] = [];
  if (ports.lists) {
    const codes = new Set<string>([...facts.subjects.map((s) => s.uscc), ...facts.shownCodes.map((c) => c.code),
      ...marks.filter((m) => m.outcome === 'genuine').map((m) => m.subject?.uscc)].filter((c): c is string => !!c));
    for (const code of codes) lists.push(...await ports.lists.byUscc(code));
    const names = new Set(facts.subjects.filter((s) => !s.uscc && s.name).map((s) => s.name!));
    for (const name of names) lists.push(...await ports.lists.byName(name));
  }
  const seen = new Set<string>();
  const unique = lists.filter((l) => {
    const key = `${l.list.id}|${l.line.uscc ?? ''}|${l.line.name}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const input: AuditInput = { facts, marks, lists: unique, now: new Date(ports.now).toISOString() };
  return { input, findings: evaluate(input) };
}
