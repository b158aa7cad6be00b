export * from './schema';
export * from './in-force';
