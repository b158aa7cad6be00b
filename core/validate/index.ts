// Zod-free validators compiled from data that scripts/gen-schemas.ts derives from the zod schemas (docs/widget.md).
export * from './types';
export { compile } from './compile';
export { codePointLength } from './code-points';
