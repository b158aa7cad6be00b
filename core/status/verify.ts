import { base64urlDecode } from '../crypto/base64url';
import { verifyBytes } from '../crypto/ed25519';
import { findKey } from '../trust/find-key';
import { decodeCompactJws, JwsFormatError } from '../trust/jws';
import type { Issuer, TrustList } from '../trust/schema';
import { webStatusCodec, type StatusCodec } from './bits';
import { MAX_STATUS_JWS_LENGTH, STATUS_TYP, StatusListPayload } from './schema';

/** Why a status list cannot be used; each leaves a mark's status unknown, never genuine. */
export type StatusListError =
  | 'malformed' | 'unknown-key' | 'wrong-role' | 'issuer-mismatch' | 'bad-signature' | 'revoked' | 'not-yet-valid' | 'expired'
  | 'wrong-url' | 'stale' | 'bad-list' | 'unreachable';

/** zh + en for each status-list error (CLI, widget and extension details). */
export const STATUS_ERROR_TEXT: Record<StatusListError, [zh: string, en: string]> = {
  malformed: ['状态列表格式错误', 'the status list is malformed'],
  'unknown-key': ['状态列表的签名密钥不在信任名单中', 'the status list is signed by a key outside the trust list'],
  'wrong-role': ['状态列表须由平台密钥签署', 'a status list must be signed with a platform key'],
  'issuer-mismatch': ['状态列表不属于该签发者', 'the status list belongs to another issuer'],
  'bad-signature': ['状态列表签名验证失败', 'the status list signature does not verify'],
  revoked: ['状态列表的签名密钥已被吊销', "the status list's key has been revoked"],
  'not-yet-valid': ['状态列表的签发时间或密钥尚未生效', 'the status list or its key is not valid yet'],
  expired: ['状态列表的签名密钥已过有效期', "the status list's key is past its validity"],
  'wrong-url': ['状态列表的地址与信任名单不符', 'the status list is not at the address the trust list gives'],
  stale: ['状态列表已过期，需要重新获取', 'the status list is out of date'],
  'bad-list': ['状态列表内容无法解压或长度不符', 'the status bits cannot be decompressed or have the wrong length'],
  unreachable: ['无法获取状态列表', 'the status list could not be fetched'],
};

/** A verified status list: its bits (decompressed) and until when it may be used. */
export type StatusListResult =
  | { ok: true; issuer: string; bits: Uint8Array; size: number; issued: string; expires: string }
  | { ok: false; error: StatusListError; message: string };

export interface VerifyStatusOptions {
  trust: TrustList;
  /** The issuer whose marks are being checked; the list must be theirs and served from their declared URL. */
  issuer: Issuer;
  /** ms since the epoch. */
  now: number;
  codec?: StatusCodec;
}

const SKEW_MS = 5 * 60_000;
const fail = (error: StatusListError, detail?: string): StatusListResult => ({ ok: false, error, message: detail ? `${STATUS_ERROR_TEXT[error][1]}: ${detail}` : STATUS_ERROR_TEXT[error][1] });

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
