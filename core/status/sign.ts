import { base64urlEncode } from '../crypto/base64url';
import type { PrivateJwk } from '../crypto/ed25519';
import { firstIssue } from '../model/issue';
import { signCompactJws } from '../trust/jws';
import { webStatusCodec, type StatusCodec, type StatusCompression } from './bits';
import { MAX_STATUS_JWS_LENGTH, STATUS_FORMAT, STATUS_TYP, StatusListPayload } from './schema';

export interface StatusListInput {
  iss: string;
  url: string;
  issued: string;
  expires: string;
  /** The bitstring, one bit per mark (bits.length × 8 bits). */
  bits: Uint8Array;
  compression?: StatusCompression;
}

/**
 * Compresses the bitstring and signs the status list with one of the issuer's platform keys (compact JWS, EdDSA,
 * typ `xinbiao-status+jws`). Throws when the payload breaks the format or the token would exceed what verifiers read.
 */
export async function signStatusList(input: StatusListInput, key: PrivateJwk, codec: StatusCodec = webStatusCodec): Promise<string> {
  const compression = input.compression ?? 'gzip';
  const payload = {
    format: STATUS_FORMAT, iss: input.iss, url: input.url, issued: input.issued, expires: input.expires,
    size: input.bits.length * 8, compression, list: base64urlEncode(await codec.compress(input.bits, compression)),
  };
  const parsed = StatusListPayload.safeParse(payload);
  if (!parsed.success) throw new Error(`status list: ${firstIssue(parsed.error)}`);
  const jws = await signCompactJws(parsed.data, key, STATUS_TYP);
  if (jws.length > MAX_STATUS_JWS_LENGTH) throw new Error(`status list: ${jws.length} characters, verifiers accept at most ${MAX_STATUS_JWS_LENGTH}`);
  return jws;
}
