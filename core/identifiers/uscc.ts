import { normaliseCode } from './normalise';
import { orgCodeCheckChar } from './orgcode';
import { DEPARTMENTS_ZH, provinceName, type DepartmentZh } from './names-zh';

/** The 31 symbols of GB 32100 (no I, O, S, V, Z); a symbol's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Check character (position 18) for the first 17 characters of a USCC, or null when they hold a symbol outside the charset. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

export interface UsccParts {
  department: string;
  departmentName: string;
  category: string;
  categoryName: string;
  region: string;
  province: string | null;
  orgCode: string;
}

export type UsccResult =
  | ({ kind: 'uscc'; code: string; valid: true; checksum: 'ok'; warnings: string[] } & UsccParts)
  | ({ kind: 'uscc'; code: string; valid: false; checksum: 'mismatch'; expected: string; reason: string; warnings: string[] } & UsccParts)
  | { kind: 'uscc'; valid: false; checksum: 'n/a'; reason: string };

const malformed = (reason: string): UsccMalformed => ({ kind: 'uscc', valid: false, checksum: 'n/a', reason });

/** Input that is not a USCC at all: wrong length, charset, region digits or department/category pair. */
export type UsccMalformed = Extract<UsccResult, { checksum: 'n/a' }>;

/**
 * What a form needs while a USCC is typed: valid or not (with the same reasons as parseUscc), and the Chinese
 * names of its category and province. No department parts and no organization-code warnings: see parseUscc.
 */
export type UsccCheck =
  | { kind: 'uscc'; code: string; valid: true; checksum: 'ok'; categoryName: string; province: string | null }
  | { kind: 'uscc'; code: string; valid: false; checksum: 'mismatch'; expected: string; reason: string; categoryName: string; province: string | null }
  | UsccMalformed;

/** The checks every USCC reading shares; the normalised code and its department, or why it is malformed. */
function read(input: string): UsccMalformed | { s: string; dept: DepartmentZh; categoryName: string; expected: string } {
  const s = normaliseCode(input);
  if (s.length !== 18) return malformed(`length is ${s.length}, a USCC has 18 characters`);
  const bad = [...s].findIndex((ch) => !USCC_CHARSET.includes(ch));
  if (bad >= 0) return malformed(`character ${bad + 1} (${s[bad]}) is not allowed (I, O, S, V, Z and symbols never appear)`);
  if (!SHAPE.test(s)) return malformed('characters 3–8 (region code) must be digits');
  const dept = DEPARTMENTS_ZH[s[0]!];
  if (!dept) return malformed(`registration department ${s[0]} does not exist`);
  const categoryName = dept.categories[s[1]!];
  if (!categoryName) return malformed(`category ${s[1]} does not exist for department ${s[0]} (${dept.zh})`);
  return { s, dept, categoryName, expected: usccCheckChar(s.slice(0, 17))! };
}

const mismatch = (s: string, expected: string) => `check character is ${s[17]}, expected ${expected}`;

/**
 * Checks a 统一社会信用代码 as parseUscc does (charset, length, department/category pair, position-18 check) and
 * names its category and province, without the parts and warnings; parseUscc is this plus the description.
 */
export function checkUscc(input: string): UsccCheck {
  const r = read(input);
  if ('reason' in r) return r;
  const { s, categoryName, expected } = r;
  const province = provinceName(s.slice(2, 8));
  if (expected !== s[17]) return { kind: 'uscc', code: s, valid: false, checksum: 'mismatch', expected, reason: mismatch(s, expected), categoryName, province };
  return { kind: 'uscc', code: s, valid: true, checksum: 'ok', categoryName, province };
}

/**
 * Parses a 统一社会信用代码 (GB 32100-2015): charset, length, department/category pair, the embedded
 * organization-code check and the position-18 check. A well-formed code with a wrong check character is
 * `checksum: 'mismatch'` (early pilot codes exist), distinct from malformed input (`checksum: 'n/a'`).
 */
export function parseUscc(input: string): UsccResult {
  const r = read(input);
  if ('reason' in r) return r;
  const { s, dept, categoryName, expected } = r;
  const region = s.slice(2, 8);
  const orgCode = s.slice(8, 17);
  const parts: UsccParts = {
    department: s[0]!, departmentName: dept.zh, category: s.slice(0, 2), categoryName,
    region, province: provinceName(region), orgCode,
  };
  const warnings: string[] = [];
  if (!parts.province) warnings.push(`region ${region} names no province`);
  const orgExpected = orgCodeCheckChar(orgCode.slice(0, 8));
  if (orgExpected !== orgCode[8]) warnings.push(`embedded organization code ${orgCode} fails its own check (expected ${orgExpected ?? '?'})`);
  if (expected !== s[17]) {
    return { kind: 'uscc', code: s, valid: false, checksum: 'mismatch', expected, reason: mismatch(s, expected), warnings, ...parts };
  }
  return { kind: 'uscc', code: s, valid: true, checksum: 'ok', warnings, ...parts };
}

/** True only for a USCC that passes the position-18 check. */
export function isValidUscc(input: string): boolean {
  return parseUscc(input).valid;
}

/** Builds a valid USCC from its first 17 characters (test and sample-data generator). */
export function completeUscc(first17: string): string {
  const c = usccCheckChar(first17);
  if (!c) throw new Error(`not a USCC prefix: ${first17}`);
  return first17 + c;
}
