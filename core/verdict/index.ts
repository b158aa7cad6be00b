export * from './types';
export { decideVerdict, decideWith } from './decide';
export { PAGELESS_RULES, type VerdictRule } from './rules';
export { VERDICT_RULES } from './all-rules';
export { PAGE_RULES, sameOperator } from './page-rules';
export { entryInForce, levelInForce, listExpiryOf, LOW_LEVELS, STALE_AFTER_MS, TOP_LEVELS } from './facts';
