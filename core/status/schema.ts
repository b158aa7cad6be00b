import * as z from 'zod/mini';
import { text, when } from '../model/fields';

export const STATUS_FORMAT = 'xinbiao-status/1';
export const STATUS_TYP = 'xinbiao-status+jws';
/** Fewest bits a status list holds (W3C Bitstring Status List: 16 KiB, so one list hides each mark among many). */
export const MIN_STATUS_BITS = 131072;
/** Most bits a status list may hold: 16,777,216 marks, 2 MiB once decompressed. */
export const MAX_STATUS_BITS = 2 ** 24;
/** Longest signed status list accepted (characters): a compressed 2 MiB list stays well below. */
export const MAX_STATUS_JWS_LENGTH = 4 * 1024 * 1024;

/**
 * The signed content of an issuer's status list: one bit per issued mark (bit `idx` of the mark's `status`, most
 * significant bit of byte 0 first, as in the W3C Bitstring Status List), set when the mark is revoked.
 */
export const StatusListPayload = z.object({
  format: z.literal(STATUS_FORMAT),
  /** Issuer id in the trust list; the signing key must be one of its platform keys. */
  iss: text(100),
  /** The URL the trust list declares for this issuer; a list served elsewhere is refused. */
  url: text(500),
  issued: when,
  /** Fresh until then: a client never uses a list past `expires` (status unknown instead). */
  expires: when,
  /** Number of bits (marks) in the list: a multiple of 8. */
  size: z.number().check(z.int(), z.minimum(8), z.maximum(MAX_STATUS_BITS), z.multipleOf(8)),
  compression: z.enum(['gzip', 'deflate']),
  /** base64url of the compressed bitstring. */
  list: z.string().check(z.maxLength(MAX_STATUS_JWS_LENGTH), z.regex(/^[A-Za-z0-9_-]+$/u)),
});
export type StatusListPayload = z.infer<typeof StatusListPayload>;
