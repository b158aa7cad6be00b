import { base64urlDecode } from '../crypto/base64url';
import { verifyBytes } from '../crypto/ed25519';
import { findKey } from '../trust/find-key';
import { decodeCompactJws, JwsFormatError } from '../trust/jws';
import type { Issuer, TrustList } from '../trust/schema';
import { webStatusCodec, type StatusCodec } from './bits';
import type { StatusListError } from './errors';
import { MAX_STATUS_JWS_LENGTH, STATUS_TYP, StatusListPayload } from './schema';

/** A verified status list: its bits (decompressed) and until when it may be used. */
export type StatusListResult =
  | { ok: true; issuer: string; bits: Uint8Array; size: number; issued: string; expires: string }
  /** `detail` names the specifics (a key id, a date); statusErrorText gives the words. */
  | { ok: false; error: StatusListError; detail?: string };

export interface VerifyStatusOptions {
  trust: TrustList;
  /** The issuer whose marks are being checked; the list must be theirs and served from their declared URL. */
  issuer: Issuer;
  /** ms since the epoch. */
  now: number;
  codec?: StatusCodec;
}

const SKEW_MS = 5 * 60_000;
const fail = (error: StatusListError, detail?: string): StatusListResult => ({ ok: false, error, ...(detail ? { detail } : {}) });

/**
 * Verifies an issuer's signed status list (compact JWS, typ `xinbiao-status+jws`): the key is a platform key of that
 * issuer (findKey, role platform), the signature holds, `iss` and `url` are the issuer's, it is issued and not past
 * `expires` at `now` (`stale` then), and the bits decompress to exactly `size` bits. Never throws.
 */
export async function verifyStatusList(jws: unknown, { trust, issuer, now, codec = webStatusCodec }: VerifyStatusOptions): Promise<StatusListResult> {
  let decoded;
  try {
    decoded = decodeCompactJws(jws, STATUS_TYP, MAX_STATUS_JWS_LENGTH);
  } catch (err) {
    return fail('malformed', err instanceof JwsFormatError ? err.message : undefined);
  }
  const parsed = StatusListPayload.safeParse(decoded.payload);
  if (!parsed.success) return fail('malformed', parsed.error.issues[0]?.path.join('.'));
  const p = parsed.data;
  const found = findKey(trust, decoded.header.kid, now, { role: 'platform' });
  if ('error' in found && (found.error === 'unknown-key' || found.error === 'wrong-role')) return fail(found.error, decoded.header.kid);
  if (!found.issuer || found.issuer.id !== issuer.id || p.iss !== issuer.id) return fail('issuer-mismatch', `${p.iss} / ${found.issuer?.id}`);
  if (!(await verifyBytes(found.key!, decoded.signingInput, decoded.signature))) return fail('bad-signature');
  if ('error' in found) return fail(found.error === 'publisher-mismatch' ? 'issuer-mismatch' : found.error, decoded.header.kid);
  if (p.url !== issuer.statusList) return fail('wrong-url', p.url);
  if (Date.parse(p.issued) > now + SKEW_MS) return fail('not-yet-valid', p.issued);
  if (now >= Date.parse(p.expires)) return fail('stale', p.expires);
  let bits: Uint8Array;
  try {
    bits = await codec.decompress(base64urlDecode(p.list), p.compression, p.size / 8);
  } catch (err) {
    return fail('bad-list', (err as Error).message);
  }
  if (bits.length * 8 !== p.size) return fail('bad-list', `${bits.length * 8} bits, ${p.size} stated`);
  return { ok: true, issuer: issuer.id, bits, size: p.size, issued: p.issued, expires: p.expires };
}
