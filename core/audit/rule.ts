import type { AuditInput, Finding, MarkResult, Outcome, PageKind, Spot, Text2 } from './types';

/** A finding as a rule's check returns it: `evaluate` adds the rule's id, so a check cannot name another rule. */
export type RuleFinding = Omit<Finding, 'ruleId'>;

/** One display rule: what it asks, on what legal basis, where it applies, what it can conclude, and its check. */
export interface AuditRule {
  /** Stable id, also the rule's file name under core/audit/rules/: reports, CSV columns and saved records use it. */
  id: string;
  title: Text2;
  /** Citations only: the national-law wording is not quoted (docs/audit.md). */
  basis: readonly string[];
  /** What the check looks for, for a person reading the report. */
  asks: Text2;
  /** Page kinds the rule applies to; on others `evaluate` gives one `not-applicable` finding without calling `check`. */
  appliesTo: readonly PageKind[];
  /** Every outcome `check` may give. */
  outcomes: readonly Outcome[];
  /** The rule's findings on one page (usually one). Pure: the same input gives the same findings. */
  check(input: AuditInput): RuleFinding[];
}

/** Declares an audit rule (one per file in core/audit/rules/, listed in core/audit/registry.ts). */
export function defineRule(rule: AuditRule): Readonly<AuditRule> {
  return Object.freeze(rule);
}

/** A finding with its outcome, bilingual message, evidence names and (when there is one) the element it points at. */
export const found = (outcome: Outcome, message: Text2, evidence: string[], selector?: string): RuleFinding =>
  selector === undefined ? { outcome, message, evidence } : { outcome, message, evidence, selector };

/** Evidence name of a shown mark: `mark:<index in facts.marks>`. */
export const markEvidence = (input: AuditInput, m: { selector: string }) => `mark:${input.facts.marks.findIndex((x) => x.selector === m.selector)}`;

/** Signed marks that verified as genuine: only their claims count. */
export const genuine = (input: AuditInput): MarkResult[] => input.marks.filter((m) => m.outcome === 'genuine');

/** Where the page shows its licence: the licence block or link, then every XinBiao mark and SAMR 亮照 link. */
export const licenceSpots = (input: AuditInput): Spot[] =>
  [input.facts.licence, ...input.facts.marks.filter((m) => m.kind !== 'other')].filter((s): s is Spot => !!s);

/** Both a passing and a failing finding for "the page shows X, or a genuine mark carries it". */
export const shownOrCarried = (spot: Spot | undefined, carried: boolean, what: Text2): RuleFinding =>
  spot ? found('pass', { zh: `已展示${what.zh}`, en: `${what.en} shown` }, ['facts', 'screenshot'], spot.selector)
    : carried ? found('pass', { zh: `有效信标标识载有${what.zh}`, en: `A genuine mark carries the ${what.en.toLowerCase()}` }, ['facts'])
      : found('violation', { zh: `未展示${what.zh}`, en: `No ${what.en.toLowerCase()} shown` }, ['facts', 'screenshot', 'html']);
