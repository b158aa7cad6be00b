// Zod-free validators compiled from data that scripts/gen-schemas.ts derives from the zod schemas (docs/widget.md).
export * from './types';
export { compile } from './compile';
export { codePointLength } from './code-points';
/** The mark payload check without zod, for hosts that sign marks in bulk (signMark's `check` port). */
export { MarkPayload as MarkPayloadCheck } from './generated/marks';
/** The credit status check without zod, for the status endpoint's answer to every lookup (same verdict as core/model's CreditStatus). */
export { CreditStatus as CreditStatusCheck } from './generated/model';
