export * from './types';
export { decideVerdict } from './decide';
export { VERDICT_RULES, type VerdictRule } from './rules';
export { sameOperator } from './facts';
export { entryInForce, levelInForce, listExpiryOf, LOW_LEVELS, STALE_AFTER_MS } from './facts';
