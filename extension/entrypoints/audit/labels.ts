import { auditRule } from '../../../core/audit';

/** Outcome names, Chinese first. */
export const OUTCOME_LABEL: Record<string, string> = {
  violation: '违规 Violation', 'needs-review': '待复核 Needs review', pass: '通过 Pass', 'not-applicable': '不适用 N/A', error: '错误 Error',
};

export const VERDICT_LABEL: Record<string, string> = { undecided: '待定 Undecided', confirmed: '属实 Confirmed', dismissed: '不属实 Dismissed' };

export const ruleTitle = (id: string) => {
  const r = auditRule(id);
  return r ? `${r.title.zh} · ${r.title.en}` : id;
};
