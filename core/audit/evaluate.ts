import { AUDIT_RULES } from './registry';
import type { AuditRule } from './rule';
import type { AuditInput, Finding } from './types';

/**
 * Runs every rule on one page's facts, mark checks and list matches. Pure: the same input gives the same
 * findings, in rule order. Rules that do not apply to the page kind give one `not-applicable` finding.
 * @param input what was read from the page, what verifyMark said, and the list entries that matched.
 * @param rules a subset of the rules, when an inspector runs only some.
 */
export function evaluate(input: AuditInput, rules: readonly Readonly<AuditRule>[] = AUDIT_RULES): Finding[] {
  return rules.flatMap((rule): Finding[] => {
    if (!rule.appliesTo.includes(input.facts.pageKind)) {
      return [{ ruleId: rule.id, outcome: 'not-applicable', message: { zh: '不适用于此类页面', en: 'Does not apply to this kind of page' }, evidence: ['facts'] }];
    }
    return rule.check(input).map((f) => ({ ruleId: rule.id, ...f }));
  });
}

/** The finding for a page that could not be loaded or read: reported, never dropped. */
export function errorFinding(reason: string): Finding {
  return { ruleId: 'page-load', outcome: 'error', message: { zh: `页面无法审查：${reason}`, en: `The page could not be audited: ${reason}` }, evidence: [] };
}
