import type { AuditRule } from './rule';
import type { Finding } from './types';
import creditLevelShown from './rules/credit-level-shown';
import identityMarkShown from './rules/identity-mark-shown';
import licenceProminent from './rules/licence-prominent';
import licenceShown from './rules/licence-shown';
import markValid from './rules/mark-valid';
import queryWindows from './rules/query-windows';
import riskWarning from './rules/risk-warning';
import selfDeclaration from './rules/self-declaration';
import subjectConsistent from './rules/subject-consistent';
import usccValid from './rules/uscc-valid';

/**
 * Every audit rule, in report order. A rule is one file in core/audit/rules/ named after its id; a test checks that
 * each file is listed here and documented in docs/audit.md.
 */
export const AUDIT_RULES: readonly Readonly<AuditRule>[] = [
  licenceShown, licenceProminent, markValid, usccValid, subjectConsistent,
  identityMarkShown, creditLevelShown, selfDeclaration, queryWindows, riskWarning,
];

/** A rule by id, or undefined for an unknown id (e.g. `page-load` of a failed page). */
export function auditRule(id: string): Readonly<AuditRule> | undefined {
  return AUDIT_RULES.find((r) => r.id === id);
}

/** The finding with its rule's legal basis as text (none for `page-load`, which no rule gives). */
export function withBasis(finding: Finding): Finding {
  return { ...finding, basis: [...(auditRule(finding.ruleId)?.basis ?? [])] };
}
