export * from './schema';
export * from './outcome';
export * from './binding';
export * from './decode';
export * from './sign';
export * from './verify';
export { MARK_RULES_ZH } from './rules';
