import type { Outcome, PageKind, Text2 } from './types';

/** One display rule: what it asks, on what legal basis, how it is checked, and what it can conclude. */
export interface AuditRule {
  id: string;
  title: Text2;
  /** Citations only: the national-law wording is not quoted (DOMAIN.md marks it as unconfirmed). */
  basis: string[];
  check: Text2;
  /** Page kinds the rule applies to; on others it is not applicable. */
  appliesTo: PageKind[];
  outcomes: Outcome[];
}

const ECL15 = '《电子商务法》第十五条';
const ECL10 = '《电子商务法》第十条';
const OTM12 = '《网络交易监督管理办法》第十二条';
const LOCAL_P1 = '地方电子商务诚信建设实施办法：亮照亮标（营业执照、身份核验标识、信用等级或电子链接标识）';
const LOCAL_P2 = '地方电子商务诚信建设实施办法：平台首页设置信用查询窗口';
const LOCAL_P3 = '地方电子商务诚信建设实施办法：对严重失信商家发布风险提示';

/** The rules, in report order. Their ids are stable: reports, CSV columns and saved records use them. */
export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: 'licence-shown',
    title: { zh: '主页面公示营业执照信息或其链接标识', en: 'Licence info or its link mark shown on the shop main page' },
    basis: [ECL15, OTM12, LOCAL_P1],
    check: { zh: '页面有营业执照信息块、亮照链接或信标标识', en: 'The page has a licence block, a 亮照 link or a XinBiao mark' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
  {
    id: 'licence-prominent',
    title: { zh: '营业执照信息显著展示', en: 'Licence info shown prominently' },
    basis: [ECL15, OTM12, LOCAL_P1],
    check: { zh: '执照信息或标识位于首屏内，或位于页面的标准公示位置（店铺头部、页脚）', en: 'The licence or mark is in the first screen or in the standard licence position (shop header, footer)' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'needs-review', 'not-applicable'],
  },
  {
    id: 'mark-valid',
    title: { zh: '电子链接标识有效', en: 'Link mark valid' },
    basis: [LOCAL_P1, ECL15],
    check: { zh: '信标标识的签名、绑定网址、有效期均通过验证；电子营业执照亮照链接需人工打开核验', en: 'The XinBiao mark passes signature, URL binding and expiry checks; a SAMR 亮照 link must be opened by a person' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'needs-review', 'not-applicable'],
  },
  {
    id: 'uscc-valid',
    title: { zh: '统一社会信用代码校验通过', en: 'The shown USCC passes its check' },
    basis: ['GB 32100-2015', ECL15],
    check: { zh: '页面展示的每个统一社会信用代码的校验位正确', en: 'Every USCC shown on the page has a correct check character' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
  {
    id: 'subject-consistent',
    title: { zh: '执照、标识与名单主体一致', en: 'Licence, mark and list data name the same subject' },
    basis: [OTM12, LOCAL_P1],
    check: { zh: '页面执照、信标标识和名单数据中的代码与名称相同', en: 'The codes and names in the page licence, the mark and list data agree' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
  {
    id: 'identity-mark-shown',
    title: { zh: '展示身份核验标识', en: 'Identity verification mark shown' },
    basis: [LOCAL_P1],
    check: { zh: '页面有身份核验标识，或有效信标标识载有身份核验信息', en: 'The page shows an identity verification mark, or a genuine XinBiao mark carries one' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation'],
  },
  {
    id: 'credit-level-shown',
    title: { zh: '展示信用等级', en: 'Credit level shown' },
    basis: [LOCAL_P1],
    check: { zh: '页面展示信用等级，或有效信标标识载有信用等级', en: 'The page shows a credit level, or a genuine XinBiao mark carries one' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation'],
  },
  {
    id: 'self-declaration',
    title: { zh: '免于登记的个人卖家展示自我声明', en: 'Self-declaration shown by an exempt individual seller' },
    basis: [ECL10, ECL15, OTM12],
    check: { zh: '无执照的个人卖家页面有依法免于登记的自我声明（或有效信标标识载有该声明）', en: 'An individual seller page without a licence shows the self-declaration of exemption (or a genuine mark carries it)' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
  {
    id: 'query-windows',
    title: { zh: '平台首页设置信用查询窗口', en: 'Credit-query windows on the platform homepage' },
    basis: [LOCAL_P2],
    check: { zh: '首页有信用中国和国家企业信用信息公示系统的查询窗口或链接', en: 'The homepage has query windows or links for 信用中国 and the national enterprise credit system' },
    appliesTo: ['platform-home'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
  {
    id: 'risk-warning',
    title: { zh: '严重失信商家展示风险提示', en: 'Risk warning shown for a black-listed shop' },
    basis: [LOCAL_P3],
    check: { zh: '经营者在黑名单或严重失信主体名单（有效期内）时，页面有风险提示', en: 'When the operator is on an active black or seriously-dishonest list, the page shows a risk warning' },
    appliesTo: ['shop'],
    outcomes: ['pass', 'violation', 'not-applicable'],
  },
];

/** A rule by id. */
export function auditRule(id: string): AuditRule | undefined {
  return AUDIT_RULES.find((r) => r.id === id);
}
