import { base64urlDecode, base64urlEncode, base64urlFromText, textFromBase64url } from '../crypto/base64url';
import { signBytes, type PrivateJwk, type SignPort } from '../crypto/ed25519';

/** Protected header of every XinBiao compact JWS: EdDSA (Ed25519) only, with the signer's key id. */
export interface JwsHeader {
  alg: 'EdDSA';
  typ: string;
  kid: string;
}

/** A compact JWS split and decoded, not yet verified. */
export interface DecodedJws {
  header: JwsHeader;
  payload: unknown;
  /** `base64url(header) + '.' + base64url(payload)`: the bytes the signature covers. */
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Hard ceiling on token size: a mark is about 1–2 kB; anything far larger is refused before parsing. */
export const MAX_JWS_LENGTH = 64 * 1024;

const encoder = new TextEncoder();

/**
 * How a JWS's parts become text and bytes: base64url (RFC 4648 §5, no padding) of bytes and of a string's UTF-8,
 * and the bytes of the (ASCII) signing input. The default is pure; a host that signs in bulk may bring its native
 * one (Node: Buffer).
 */
export interface JwsEncoding {
  base64url(bytes: Uint8Array): string;
  base64urlText(text: string): string;
  ascii(text: string): Uint8Array;
}

/** The pure encoding: the same code in Node, the browser and the extension. */
export const pureJwsEncoding: JwsEncoding = { base64url: base64urlEncode, base64urlText: base64urlFromText, ascii: (text) => encoder.encode(text) };

/**
 * Signs `payload` as a compact JWS (RFC 7515) with Ed25519 (RFC 8037); `sign` must hold the same key (default
 * WebCrypto); `encoding` writes the parts (default pure). Throws when the key has no kid.
 */
export async function signCompactJws(payload: unknown, key: PrivateJwk, typ: string, kid = key.kid ?? '', sign: SignPort = (data) => signBytes(key, data), encoding: JwsEncoding = pureJwsEncoding): Promise<string> {
  if (!kid) throw new Error('the signing key has no key id (kid)');
  const header: JwsHeader = { alg: 'EdDSA', typ, kid };
  const input = `${encoding.base64urlText(JSON.stringify(header))}.${encoding.base64urlText(JSON.stringify(payload))}`;
  return `${input}.${encoding.base64url(await sign(encoding.ascii(input)))}`;
}

/** Why a string is not a usable compact JWS. */
export class JwsFormatError extends Error {}

/**
 * Splits and decodes a compact JWS without checking the signature. Throws JwsFormatError for anything but
 * three strict base64url parts, a JSON-object header with alg EdDSA, the expected typ and a string kid,
 * a JSON payload and a 64-byte signature, or a token longer than `maxLength` characters (64 KiB unless given).
 */
export function decodeCompactJws(token: unknown, typ: string, maxLength = MAX_JWS_LENGTH): DecodedJws {
  if (typeof token !== 'string') throw new JwsFormatError('not a string');
  if (token.length > maxLength) throw new JwsFormatError(`longer than ${maxLength} characters`);
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new JwsFormatError(`has ${parts.length} parts, a compact JWS has 3`);
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h, 'header') as Partial<JwsHeader> | null;
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new JwsFormatError('header is not a JSON object');
  if (header.alg !== 'EdDSA') throw new JwsFormatError(`alg is ${JSON.stringify(header.alg)}, only EdDSA is accepted`);
  if (header.typ !== typ) throw new JwsFormatError(`typ is ${JSON.stringify(header.typ)}, expected ${typ}`);
  if (typeof header.kid !== 'string' || header.kid === '') throw new JwsFormatError('header has no kid');
  if ('crit' in header) throw new JwsFormatError('crit header parameters are not supported');
  const payload = parseJson(p, 'payload');
  let signature: Uint8Array;
  try {
    signature = base64urlDecode(s);
  } catch {
    throw new JwsFormatError('signature is not base64url');
  }
  if (signature.length !== 64) throw new JwsFormatError('signature is not 64 bytes');
  return { header: header as JwsHeader, payload, signingInput: encoder.encode(`${h}.${p}`), signature };
}

function parseJson(part: string, what: string): unknown {
  try {
    return JSON.parse(textFromBase64url(part));
  } catch {
    throw new JwsFormatError(`${what} is not base64url JSON`);
  }
}
