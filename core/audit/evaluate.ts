import { CHECKS } from './checks';
import { AUDIT_RULES, type AuditRule } from './rules';
import type { AuditInput, Finding } from './types';

/**
 * Runs every rule on one page's facts, mark checks and list matches. Pure: the same input gives the same
 * findings, in rule order. Rules that do not apply to the page kind give one `not-applicable` finding.
 * @param input what was read from the page, what verifyMark said, and the list entries that matched.
 * @param rules a subset of the rules, when an inspector runs only some.
 */
export function evaluate(input: AuditInput, rules: readonly AuditRule[] = AUDIT_RULES): Finding[] {
  return rules.flatMap((rule) => {
    if (!rule.appliesTo.includes(input.facts.pageKind)) {
      return [{ ruleId: rule.id, outcome: 'not-applicable' as const, message: { zh: '不适用于此类页面', en: 'Does not apply to this kind of page' }, evidence: ['facts'] }];
    }
    const check = CHECKS[rule.id];
    if (!check) throw new Error(`no check for rule ${rule.id}`);
    return check(input);
  });
}

/** The finding for a page that could not be loaded or read: reported, never dropped. */
export function errorFinding(reason: string): Finding {
  return { ruleId: 'page-load', outcome: 'error', message: { zh: `页面无法审查：${reason}`, en: `The page could not be audited: ${reason}` }, evidence: [] };
}
