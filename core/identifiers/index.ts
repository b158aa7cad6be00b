export * from './normalise';
export * from './tables';
export * from './uscc';
export * from './regno15';
export * from './orgcode';
export * from './identify';
