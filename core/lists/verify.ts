import { toHex } from '../crypto/sha256';
import { checkComplete, checkHeader, readSignature, type KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { ListParser, type ByteSource, type ListRecord, type ParseSummary } from './parse';
import type { ListSignature } from './schema';

export interface VerifyOptions {
  /** Clock in ms; Date.now by default. */
  now?: () => number;
  maxLineBytes?: number;
  maxBadLines?: number;
  /** Receives valid entries as they stream (an in-memory index keeps them; a validator drops them). */
  onBatch?: (batch: ListRecord[]) => void;
}

export interface VerifyResult {
  /** Present when the whole file was read (even if it then failed a check). */
  summary?: ParseSummary;
  /** The first reason the file must be refused; none when it passes. */
  error?: ListError;
  /** 'verified' with keys, 'digest-only' when a .sig was given without keys, 'none' otherwise. */
  signature: 'verified' | 'digest-only' | 'none';
}

/**
 * Reads a whole list file and applies every import check without storing anything: header, each line, stated
 * count and, with `keys`, the signature (key known and not revoked, list not expired). Without keys only the
 * digest is compared with the .sig, if one is given.
 */
export async function verifyList(source: ByteSource, signature: ListSignature | string | Uint8Array | undefined, keys: KeyLookup | undefined, options: VerifyOptions = {}): Promise<VerifyResult> {
  const now = options.now ?? Date.now;
  const mode: VerifyResult['signature'] = keys && signature !== undefined ? 'verified' : signature !== undefined ? 'digest-only' : 'none';
  const parser = new ListParser({ maxLineBytes: options.maxLineBytes, maxBadLines: options.maxBadLines });
  try {
    const sig = signature === undefined ? undefined : readSignature(signature);
    for await (const batch of parser.batches(source)) options.onBatch?.(batch);
    const summary = parser.summary();
    try {
      if (sig && keys) await checkComplete(summary, sig, await checkHeader(summary.header, sig, keys, now()));
      else {
        if (sig && (toHex(summary.digest) !== sig.sha256 || summary.bytes !== sig.size)) throw new ListError('digest-mismatch', `${summary.bytes} bytes read, ${sig.size} signed`);
        if (summary.badLineCount) throw new ListError('bad-lines', `${summary.badLineCount} bad line(s)`, summary.badLines[0]?.line);
        if (summary.header.count !== undefined && summary.header.count !== summary.entries) throw new ListError('count-mismatch', `${summary.entries} entries, header says ${summary.header.count}`);
      }
    } catch (err) {
      return { summary, error: toListError(err), signature: mode };
    }
    return { summary, signature: mode };
  } catch (err) {
    return { error: toListError(err), signature: mode };
  }
}
