import type { Lang, VerdictLevel, VerdictView } from './types';
export { OUTCOME_TEXT } from '../../core/marks';

/** zh-CN unless the element or the page asks for another language; every non-Chinese tag gets English. */
export function pickLang(el: Element | null): Lang {
  const tag = el?.closest('[lang]')?.getAttribute('lang') || 'zh-CN';
  return /^zh\b/i.test(tag) ? 'zh' : 'en';
}

export const LEVEL: Record<VerdictLevel, [zh: string, en: string, icon: string]> = {
  good: ['可信', 'Trusted', '✓'],
  neutral: ['未见异常', 'No concerns', '•'],
  caution: ['注意', 'Caution', '!'],
  danger: ['风险提示', 'Risk warning', '✕'],
  unknown: ['未知', 'Unknown', '?'],
};

const T = {
  loading: ['正在核验…', 'Checking…'],
  open: ['查看亮照亮标详情', 'Open licence details'],
  invalid: ['标识无效', 'Invalid mark'],
  licence: ['营业执照', 'Business licence'],
  identity: ['身份核验标识', 'Identity verification'],
  selfDecl: ['自我声明（依法免于登记）', 'Self-declaration (exempt from registration)'],
  credit: ['信用等级', 'Credit level'],
  lists: ['信用名单', 'Credit lists'],
  records: ['行政许可与处罚', 'Licences and penalties'],
  commitments: ['信用承诺', 'Credit commitments'],
  provenance: ['数据来源', 'Source'],
  check: ['独立核查', 'Check independently'],
  report: ['举报 / 报告错误', 'Report / report an error'],
  reportHint: ['向 12315 举报时可附上以下信息：', 'When reporting to 12315, include:'],
  close: ['关闭', 'Close'],
  verifiedBy: ['核验方', 'Verified by'],
  verifiedAt: ['核验时间', 'Verified on'],
  verified: ['已核验', 'verified'],
  mark: ['签名标识', 'Signed mark'],
  none: ['无', 'None'],
  notChecked: ['未查询', 'Not checked'],
  issued: ['发布', 'issued'],
  refreshed: ['更新于', 'refreshed'],
  until: ['至', 'until'],
  repaired: ['已信用修复', 'credit repaired'],
  samr: ['电子营业执照亮照核验', 'SAMR licence check'],
  unknownShop: ['未能取得该网店的信用信息', 'No credit information for this shop'],
  query: ['信用查询', 'Credit query'],
  queryLabel: ['统一社会信用代码或名称', 'Credit code (USCC) or name'],
  codeOk: ['代码校验通过', 'Code is valid'],
  search: ['查询', 'Search'],
  endpointAnswer: ['平台记录', 'Platform record'],
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof T;

/** One string in the chosen language. */
export const t = (lang: Lang, key: Key): string => T[key][lang === 'zh' ? 0 : 1];

/** The reasons behind the verdict's level (its headline): a reason at another level never shows next to it. */
export const headline = (v: VerdictView): VerdictView['reasons'] => v.reasons.filter((r) => !r.level || r.level === v.level);

/** Picks the language half of a [zh, en] pair or a {zh, en} object. */
export const pick = (lang: Lang, v: readonly [string, string] | { zh: string; en: string }): string =>
  Array.isArray(v) ? v[lang === 'zh' ? 0 : 1] : (v as { zh: string; en: string })[lang];
