export * from './schema';
export * from './bits';
export * from './sign';
export * from './errors';
export * from './verify';
export * from './source';
