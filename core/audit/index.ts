export * from './types';
export * from './rules';
export * from './evaluate';
export * from './facts';
export * from './selector';
export { entryActive, sameName, REQUIRED_QUERY_TARGETS } from './checks';
export * from './from-detect';
export * from './assess';
export * from './csv';
