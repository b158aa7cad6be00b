import * as z from 'zod/mini';
import { CreditStatus, Uscc } from '../model/schema';

/** Path of one subject below an endpoint's base URL. */
export const SUBJECT_PATH = '/v1/subjects/';
/** Path of the batch form below an endpoint's base URL. */
export const BATCH_PATH = '/v1/subjects:batch';
/** Most codes one batch request may carry. */
export const BATCH_MAX = 100;

/** Error codes of the status endpoint, with the HTTP status each comes with. */
export const ENDPOINT_ERRORS = {
  'invalid-uscc': 400,
  'bad-request': 400,
  'batch-too-large': 400,
  'not-found': 404,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'rate-limited': 429,
  internal: 500,
  overloaded: 503,
} as const;
export type ProtocolErrorCode = keyof typeof ENDPOINT_ERRORS;

const message = z.string().check(z.maxLength(1000));

/** Body of every error answer: `{ "error": { "code", "message" } }`. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string().check(z.minLength(1), z.maxLength(100)), message }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `POST /v1/subjects:batch` request body. */
export const BatchRequest = z.object({
  uscc: z.array(z.string().check(z.maxLength(64))).check(z.minLength(1), z.maxLength(BATCH_MAX)),
});
export type BatchRequest = z.infer<typeof BatchRequest>;

/** One result of a batch: a status, or an error (not-found, invalid-uscc), for each code asked, in order. */
export const BatchResult = z.object({
  uscc: z.string().check(z.maxLength(64)),
  status: z.optional(CreditStatus),
  error: z.optional(ErrorBody.shape.error),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const BatchResponse = z.object({ results: z.array(BatchResult).check(z.maxLength(BATCH_MAX)) });
export type BatchResponse = z.infer<typeof BatchResponse>;

/** Upper-cases and trims a code; returns it only when it has the 18-character USCC shape. */
export function normaliseUsccInput(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return Uscc.safeParse(code).success ? code : undefined;
}
