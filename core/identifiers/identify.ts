import { normaliseCode } from './normalise';
import { parseOrgCode, type OrgCodeResult } from './orgcode';
import { parseRegNo15, type RegNo15Result } from './regno15';
import { parseUscc, type UsccResult } from './uscc';

export type IdentifierResult =
  | UsccResult
  | RegNo15Result
  | OrgCodeResult
  | { kind: 'unknown'; valid: false; checksum: 'n/a'; reason: string; reasonZh: string };

/** Tells a USCC, a 15-digit 注册号 and a 组织机构代码 apart by shape (labels on pages do not tell), then parses it. */
export function identify(input: string): IdentifierResult {
  const s = normaliseCode(input);
  if (s.length === 0) return { kind: 'unknown', valid: false, checksum: 'n/a', reason: 'empty input', reasonZh: '输入为空' };
  if (s.length === 18) return parseUscc(s);
  if (/^\d{15}$/.test(s)) return parseRegNo15(s);
  if (/^[0-9A-Z]{8}-?[0-9A-Z]$/.test(s)) return parseOrgCode(s);
  return {
    kind: 'unknown', valid: false, checksum: 'n/a',
    reason: `length ${s.length}: a USCC has 18 characters, a 注册号 15 digits, an organization code 9 characters`,
    reasonZh: `长度为 ${s.length}：统一社会信用代码 18 位，注册号 15 位，组织机构代码 9 位`,
  };
}
