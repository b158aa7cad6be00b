import { normaliseCode } from './normalise';
import { provinceName } from './names-zh';

/** ISO 7064 MOD 11,10 check digit for the first 14 digits of a 工商注册号. */
export function regNo15CheckDigit(first14: string): number {
  let p = 10;
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10;
}

export type RegNo15Result =
  | { kind: 'regno15'; valid: boolean; checksum: 'ok' | 'mismatch'; code: string; region: string; province: string | null; expected?: string; reason?: string; reasonZh?: string }
  | { kind: 'regno15'; valid: false; checksum: 'n/a'; reason: string; reasonZh: string };

/** Parses the older 15-digit 工商注册号 (6-digit authority area, 8-digit sequence, check digit). */
export function parseRegNo15(input: string): RegNo15Result {
  const s = normaliseCode(input);
  if (!/^\d{15}$/.test(s)) return { kind: 'regno15', valid: false, checksum: 'n/a', reason: 'not 15 digits', reasonZh: '注册号应为 15 位数字' };
  const region = s.slice(0, 6);
  const expected = String(regNo15CheckDigit(s.slice(0, 14)));
  const base = { kind: 'regno15' as const, code: s, region, province: provinceName(region) };
  if (expected !== s[14]) {
    return { ...base, valid: false, checksum: 'mismatch', expected, reason: `check digit is ${s[14]}, expected ${expected}`, reasonZh: `校验位为 ${s[14]}，应为 ${expected}` };
  }
  return { ...base, valid: true, checksum: 'ok' };
}
