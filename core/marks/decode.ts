import { decodeCompactJws, JwsFormatError, type DecodedJws, type JwsHeader } from '../trust/jws';
import { MARK_TYP, MarkPayload } from './schema';
import { firstIssue } from '../model/issue';

export type DecodedMark =
  | { ok: true; header: JwsHeader; payload: MarkPayload; jws: DecodedJws }
  | { ok: false; problem: string };

/**
 * Decodes a shop mark WITHOUT verifying it: for display and debugging only. Anything shown from it must be
 * labelled unverified; use verifyMark() to decide whether to trust it. Never throws.
 * Duplicate JSON member names: the last one wins (JSON.parse, as RFC 7515 §5.2 allows); the signature covers the bytes.
 */
export function decodeMark(token: unknown): DecodedMark {
  let jws: DecodedJws;
  try {
    jws = decodeCompactJws(token, MARK_TYP);
  } catch (err) {
    if (err instanceof JwsFormatError) return { ok: false, problem: err.message };
    return { ok: false, problem: 'unreadable' };
  }
  const parsed = MarkPayload.safeParse(jws.payload);
  if (!parsed.success) return { ok: false, problem: `payload ${firstIssue(parsed.error)}` };
  return { ok: true, header: jws.header, payload: parsed.data, jws };
}
