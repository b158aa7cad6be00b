import { normaliseCode } from './normalise';
import { orgCodeCheckChar } from './orgcode';
import { DEPARTMENTS_ZH, provinceName } from './names-zh';
import { describeUsccProblem, type UsccProblem } from './uscc-problem';

/** The 31 symbols of GB 32100 (no I, O, S, V, Z); a symbol's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * The shape of a USCC (GB 32100) as a pattern's source, unanchored: 18 of its symbols, positions 3–8 (the region
 * code) digits; the check character is tested apart. Every pattern that finds or checks a USCC is built from it.
 */
export const USCC_SHAPE = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';
/** A whole string of USCC_SHAPE. */
export const USCC_PATTERN = new RegExp(`^${USCC_SHAPE}$`, 'u');

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
  | ({ kind: 'uscc'; code: string; valid: false; checksum: 'mismatch'; expected: string; reason: string; reasonZh: string; warnings: string[] } & UsccParts)
  | { kind: 'uscc'; valid: false; checksum: 'n/a'; reason: string; reasonZh: string };

/** Input that is not a USCC at all: wrong length, charset, region digits or department/category pair. */
export type UsccMalformed = Extract<UsccResult, { checksum: 'n/a' }>;

/** What a form needs while a USCC is typed: the normalised code, valid or why not. No names: see parseUscc. */
export type UsccCheck = { code: string; valid: true } | { code: string; valid: false; problem: UsccProblem };

/**
 * Registration department (first character) → its categories (second character), GB 32100-2015. The same keys as
 * DEPARTMENTS_ZH, without the names, so that checking a code does not carry them.
 */
export const USCC_CATEGORIES: Record<string, string> = {
  '1': '1239', '2': '19', '3': '123459', '4': '19', '5': '1239', '6': '129', '7': '129', '8': '19', '9': '123', A: '19', N: '1239', Y: '1',
};

/**
 * Checks a 统一社会信用代码 as parseUscc does (charset, length, department/category pair, position-18 check), in the
 * order parseUscc reports problems; the first problem found, as data.
 */
export function checkUscc(input: string): UsccCheck {
  const s = normaliseCode(input);
  const problem = findProblem(s);
  return problem ? { code: s, valid: false, problem } : { code: s, valid: true };
}

function findProblem(s: string): UsccProblem | undefined {
  if (s.length !== 18) return { code: 'length', length: s.length };
  const bad = [...s].findIndex((ch) => !USCC_CHARSET.includes(ch));
  if (bad >= 0) return { code: 'character', at: bad + 1, char: s[bad]! };
  if (!USCC_PATTERN.test(s)) return { code: 'region' };
  const categories = USCC_CATEGORIES[s[0]!];
  if (!categories) return { code: 'department', department: s[0]! };
  if (!categories.includes(s[1]!)) return { code: 'category', department: s[0]!, category: s[1]! };
  const expected = usccCheckChar(s.slice(0, 17))!;
  return expected === s[17] ? undefined : { code: 'check', found: s[17]!, expected };
}

/**
 * Parses a 统一社会信用代码 (GB 32100-2015): charset, length, department/category pair, the embedded
 * organization-code check and the position-18 check. A well-formed code with a wrong check character is
 * `checksum: 'mismatch'` (early pilot codes exist), distinct from malformed input (`checksum: 'n/a'`).
 */
export function parseUscc(input: string): UsccResult {
  const check = checkUscc(input);
  const problem = check.valid ? undefined : check.problem;
  if (problem && problem.code !== 'check') return { kind: 'uscc', valid: false, checksum: 'n/a', reason: describeUsccProblem(problem), reasonZh: describeUsccProblem(problem, 'zh') };
  const s = check.code;
  const dept = DEPARTMENTS_ZH[s[0]!]!;
  const region = s.slice(2, 8);
  const orgCode = s.slice(8, 17);
  const parts: UsccParts = {
    department: s[0]!, departmentName: dept.zh, category: s.slice(0, 2), categoryName: dept.categories[s[1]!]!,
    region, province: provinceName(region), orgCode,
  };
  const warnings: string[] = [];
  if (!parts.province) warnings.push(`region ${region} names no province`);
  const orgExpected = orgCodeCheckChar(orgCode.slice(0, 8));
  if (orgExpected !== orgCode[8]) warnings.push(`embedded organization code ${orgCode} fails its own check (expected ${orgExpected ?? '?'})`);
  if (problem) {
    return { kind: 'uscc', code: s, valid: false, checksum: 'mismatch', expected: problem.expected, reason: describeUsccProblem(problem), reasonZh: describeUsccProblem(problem, 'zh'), warnings, ...parts };
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
