export * from './normalise';
export * from './names-zh';
export * from './tables';
export * from './uscc';
export * from './uscc-problem';
export * from './regno15';
export * from './orgcode';
export * from './identify';
