// Why a string is not a valid USCC, as data: the CLI and parseUscc word it in English, the widget in either language.

export type UsccProblem =
  | { code: 'length'; length: number }
  /** `at` counts from 1. */
  | { code: 'character'; at: number; char: string }
  | { code: 'region' }
  | { code: 'department'; department: string }
  | { code: 'category'; department: string; category: string }
  | { code: 'check'; found: string; expected: string };

/** The problem in a sentence; English unless `zh` is asked for. */
export function describeUsccProblem(p: UsccProblem, lang: 'zh' | 'en' = 'en'): string {
  const zh = lang === 'zh';
  switch (p.code) {
    case 'length':
      return zh ? `长度为 ${p.length} 位，统一社会信用代码为 18 位` : `length is ${p.length}, a USCC has 18 characters`;
    case 'character':
      return zh ? `第 ${p.at} 位“${p.char}”不是代码字符（代码中没有 I、O、S、V、Z 和符号）` : `character ${p.at} (${p.char}) is not allowed (I, O, S, V, Z and symbols never appear)`;
    case 'region':
      return zh ? '第 3–8 位（行政区划码）应为数字' : 'characters 3–8 (region code) must be digits';
    case 'department':
      return zh ? `登记管理部门代码“${p.department}”不存在` : `registration department ${p.department} does not exist`;
    case 'category':
      return zh ? `登记管理部门 ${p.department} 下没有机构类别“${p.category}”` : `category ${p.category} does not exist for department ${p.department}`;
    case 'check':
      return zh ? `校验码为 ${p.found}，应为 ${p.expected}` : `check character is ${p.found}, expected ${p.expected}`;
  }
}
