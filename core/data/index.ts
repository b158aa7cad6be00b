export * from './query-sites';
