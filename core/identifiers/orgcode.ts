import { normaliseCode } from './normalise';

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const BODY = /^[0-9A-Z]{8}$/;

function charValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55; // '0'-'9' → 0–9, 'A'-'Z' → 10–35
}

/** GB 11714 check character for the 8-character body of an organization code (null when the body is malformed). */
export function orgCodeCheckChar(body: string): string | null {
  if (!BODY.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i]!) * WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type OrgCodeResult =
  | { kind: 'orgcode'; valid: true; checksum: 'ok'; code: string }
  | { kind: 'orgcode'; valid: false; checksum: 'mismatch'; code: string; expected: string; reason: string; reasonZh: string }
  | { kind: 'orgcode'; valid: false; checksum: 'n/a'; reason: string; reasonZh: string };

/** Parses a 9-character 组织机构代码, with or without the hyphen before the check character. */
export function parseOrgCode(input: string): OrgCodeResult {
  const s = normaliseCode(input).replace(/^([0-9A-Z]{8})-([0-9X])$/, '$1$2');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(s)) {
    return { kind: 'orgcode', valid: false, checksum: 'n/a', reason: 'not 8 letters/digits plus a check character (0-9 or X)', reasonZh: '应为 8 位字母或数字加 1 位校验码（0–9 或 X）' };
  }
  const expected = orgCodeCheckChar(s.slice(0, 8))!;
  if (expected !== s[8]) {
    return { kind: 'orgcode', valid: false, checksum: 'mismatch', code: s, expected, reason: `check character is ${s[8]}, expected ${expected}`, reasonZh: `校验码为 ${s[8]}，应为 ${expected}` };
  }
  return { kind: 'orgcode', valid: true, checksum: 'ok', code: s };
}
