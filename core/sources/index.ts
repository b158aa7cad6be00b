export * from './ports';
export * from './protocol';
export * from './cache';
export * from './retry-after';
export * from './endpoint-client';
export * from './from-lists';
export * from './assemble';
export * from './resolver';
