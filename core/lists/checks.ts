import type { PublicJwk } from '../crypto/ed25519';
import type * as z from 'zod/mini';
import { Sha256, sha256Hex } from '../crypto/sha256';
import { ListError, type ListErrorCode } from './errors';
import type { ParseSummary } from './parse';
import { ListSignature, type ListHeader } from './schema';
import { verifyListDigest } from './sign';

/** What a key lookup answers: the publisher's current key, or why there is none (unknown, revoked, expired). */
export type KeyLookupResult = { key: PublicJwk } | { error: string | { code?: string; message?: string } };
/**
 * Key-lookup port: (key id, the header's publisher id) → key. core/trust's listKeys checks role and publisher; tests
 * and the CLI's `--pub` pass a bare key. An error code `wrong-role` or `publisher-mismatch` is reported as such.
 */
export type KeyLookup = (keyId: string, publisherId: string) => KeyLookupResult | Promise<KeyLookupResult>;

/** Accepted clock drift between publisher and reader. */
const SKEW_MS = 5 * 60_000;

/** A key lookup that knows exactly one key (for `--pub` and tests). */
export function singleKey(key: PublicJwk, keyId = key.kid): KeyLookup {
  return (id) => (id === keyId ? { key } : { error: `unknown key ${id}` });
}

/** Parses a `.sig` file's text, bytes or JSON value; a bad one is a `bad-signature-file` error. */
export function readSignature(input: string | Uint8Array | unknown): ListSignature {
  let value = input;
  try {
    if (input instanceof Uint8Array) value = new TextDecoder().decode(input);
    if (typeof value === 'string') value = JSON.parse(value);
  } catch {
    throw new ListError('bad-signature-file', 'not JSON');
  }
  const parsed = ListSignature.safeParse(value);
  if (!parsed.success) throw new ListError('bad-signature-file', parsed.error.issues[0]?.message);
  return parsed.data;
}

/** Checks done as soon as the header is read, so a file that cannot pass is refused before its entries are stored. */
export async function checkHeader(header: ListHeader, sig: ListSignature, keys: KeyLookup, now: number): Promise<PublicJwk> {
  if (header.keyId !== sig.keyId) throw new ListError('key-mismatch', `${header.keyId} ≠ ${sig.keyId}`, 1);
  if (Date.parse(header.expires) <= now) throw new ListError('expired', header.expires, 1);
  if (Date.parse(header.issued) > now + SKEW_MS) throw new ListError('not-yet-issued', header.issued, 1);
  let found: KeyLookupResult;
  try {
    found = await keys(header.keyId, header.publisher.id);
  } catch (err) {
    throw new ListError('unknown-key', `${header.keyId} (${(err as Error).message})`);
  }
  if ('error' in found) {
    const code = typeof found.error === 'string' ? undefined : found.error.code;
    if (code === 'wrong-role' || code === 'publisher-mismatch') throw new ListError(code, `${header.keyId}, publisher ${header.publisher.id}`, 1);
    const why = typeof found.error === 'string' ? found.error : (found.error.message ?? found.error.code ?? '');
    throw new ListError('unknown-key', why ? `${header.keyId} (${why})` : header.keyId);
  }
  return found.key;
}

/** Checks after the last byte: digest and signature, then every line valid, then the stated count. */
export async function checkComplete(summary: ParseSummary, sig: ListSignature, key: PublicJwk): Promise<void> {
  const verdict = await verifyListDigest(sig, summary.digest, summary.bytes, key);
  if (verdict !== 'ok') throw new ListError(verdict, verdict === 'digest-mismatch' ? `${summary.bytes} bytes read, ${sig.size} signed` : sig.keyId);
  if (summary.badLineCount > 0) {
    const first = summary.badLines[0];
    throw new ListError('bad-lines', `${summary.badLineCount} bad line(s)${first ? `, first at line ${first.line}: ${first.reason}` : ''}`, first?.line);
  }
  const count = summary.header.count;
  if (count !== undefined && count !== summary.entries) throw new ListError('count-mismatch', `${summary.entries} entries, header says ${count}`);
}

/**
 * Verifies a small signed JSON document (a pack manifest, a timestamp) through the same checks as a list file:
 * valid against `schema` (else `invalid` with the first issue), the key of the header `headerOf` names, not
 * expired or issued in the future, then digest and Ed25519 signature over its exact bytes. Throws ListError.
 */
export async function verifySignedJson<T>(bytes: Uint8Array, signature: ListSignature | string | Uint8Array, schema: z.ZodMiniType<T>, headerOf: (doc: T) => ListHeader, keys: KeyLookup, now: number, invalid: ListErrorCode): Promise<T> {
  const sig = readSignature(signature);
  // A cut-off or changed document is named as such before its JSON is read.
  if (bytes.length !== sig.size || sha256Hex(bytes) !== sig.sha256) throw new ListError('digest-mismatch', `${bytes.length} bytes, ${sig.size} signed`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ListError(invalid, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ListError(invalid, parsed.error.issues[0]?.message);
  const key = await checkHeader(headerOf(parsed.data), sig, keys, now);
  const verdict = await verifyListDigest(sig, new Sha256().update(bytes).digest(), bytes.length, key);
  if (verdict !== 'ok') throw new ListError(verdict);
  return parsed.data;
}
