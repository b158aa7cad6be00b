export * from './schema';
export * from './jws';
export * from './find-key';
export * from './origin';
export * from './verify';
export * from './sign';
export * from './load';
export * from './check-url';
