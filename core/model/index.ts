export * from './schema';
export * from './in-force';
export * from './issue';
