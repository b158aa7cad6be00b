import { PAGE_RULES } from './page-rules';
import { DANGER_RULES, OTHER_RULES, type VerdictRule } from './rules';

// Pure, so a bundle that never decides with the page rules (the widget) drops them and their name matching.
/** The whole rule table, in the order docs/verdict.md lists it: danger rules, page rules, then the rest. */
export const VERDICT_RULES: readonly VerdictRule[] = /* @__PURE__ */ DANGER_RULES.concat(PAGE_RULES, OTHER_RULES);
