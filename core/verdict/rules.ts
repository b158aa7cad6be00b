import { DEAD_LICENCE, endOf, LOW_LEVELS, type Facts } from './facts';
import { OUTCOME_TEXT, type MarkOutcome } from '../marks/outcome';
import type { VerdictLevel } from './types';

/**
 * One verdict rule. `cap: true` rules do not add evidence; they limit the best level the others can reach
 * (stale data can never be good). docs/verdict.md lists these rules in this order.
 */
export interface VerdictRule {
  id: string;
  level: VerdictLevel;
  cap?: true;
  zh: string;
  en: string;
  when(f: Facts): boolean;
  /** Specifics appended to the reason in brackets (e.g. when a list expired); the table shows zh / en alone. */
  detail?(f: Facts): { zh: string; en: string };
}

const markIs = (outcome: Facts['mark']) => (f: Facts) => f.mark === outcome;
// A mark finding reads as it does on the mark itself: one wording per outcome.
const markRule = (outcome: MarkOutcome, level: VerdictLevel): VerdictRule => ({ id: `mark.${outcome}`, level, when: markIs(outcome), ...OUTCOME_TEXT[outcome] });
const onList = (kind: Parameters<Facts['activeLists']['has']>[0]) => (f: Facts) => f.activeLists.has(kind);
// Dates in a licence are day strings or 长期 (no end).
const licenceExpired = (f: Facts) => {
  const until = f.status?.licence?.validUntil;
  return until !== undefined && until !== '长期' && endOf(until) < f.now;
};

const lowLevel = (f: Facts) => f.activeLevels.some((l) => LOW_LEVELS[l.scheme].includes(l.level));
const deadLicence = (f: Facts) => DEAD_LICENCE.test(f.status?.licence?.status ?? '');
// Problems found in the status itself; "no problems found" must not be said next to any of them.
const statusProblem = (f: Facts) => ['black', 'seriously-dishonest', 'judgment-defaulter', 'abnormal'].some((k) => f.activeLists.has(k as 'black')) ||
  lowLevel(f) || deadLicence(f) || licenceExpired(f);

// Which lists expired and when: the publisher's own date, as the list states it.
function expiredDetail(f: Facts): { zh: string; en: string } {
  const days = [...new Set(f.expiredListEntries.map((x) => x.expires.slice(0, 10)))].sort();
  const names = [...new Set(f.expiredListEntries.map((x) => x.entry.provenance.source.replace(/^list:/, '')))];
  return { zh: `${names.join('、')} 于 ${days.join('、')} 过期`, en: `${names.join(', ')} expired ${days.join(', ')}` };
}

/** The rules that make a shop dangerous; the page rules follow them (core/verdict/page-rules.ts). */
export const DANGER_RULES: readonly VerdictRule[] = [
  { id: 'list.black', level: 'danger', when: onList('black'),
    zh: '列入黑名单', en: 'On a black list' },
  { id: 'list.seriously-dishonest', level: 'danger', when: onList('seriously-dishonest'),
    zh: '列入严重失信主体名单', en: 'On the list of seriously dishonest entities' },
  { id: 'list.judgment-defaulter', level: 'danger', when: onList('judgment-defaulter'),
    zh: '列为失信被执行人', en: 'Listed as a judgment defaulter' },
  markRule('copied', 'danger'),
  markRule('tampered', 'danger'),
  markRule('revoked', 'danger'),
  { id: 'licence.dead', level: 'danger', when: deadLicence,
    zh: '营业执照已吊销或注销', en: 'The business licence has been revoked or deregistered' },
];

/** Every other rule, most severe first. */
export const OTHER_RULES: readonly VerdictRule[] = [
  { id: 'list.abnormal', level: 'caution', when: onList('abnormal'),
    zh: '列入经营异常名录', en: 'On the list of abnormal operations' },
  { id: 'list.expired', level: 'caution', when: (f) => f.expiredListEntries.length > 0,
    zh: '所在名单已过期，仍作警示', en: 'On a list that has expired; still shown as a warning', detail: expiredDetail },
  markRule('expired', 'caution'),
  markRule('revoked-key', 'caution'),
  markRule('unknown-issuer', 'caution'),
  markRule('malformed', 'caution'),
  markRule('status-unknown', 'caution'),
  { id: 'credit.low', level: 'caution', when: lowLevel,
    zh: '信用等级较低', en: 'Low credit level' },
  { id: 'licence.expired', level: 'caution', when: licenceExpired,
    zh: '营业执照已过营业期限', en: 'The business licence is past its term' },
  { id: 'data.stale', level: 'unknown', cap: true, when: (f) => f.stale,
    zh: '信用信息已过时，请以官方查询为准', en: 'The credit information is out of date; check the official record' },
  { id: 'lists.unchecked', level: 'neutral', cap: true, when: (f) => !f.listsChecked,
    zh: '未查询信用名单', en: 'Credit lists were not checked' },
  markRule('genuine', 'good'),
  { id: 'list.red', level: 'good', when: onList('red'),
    zh: '列入守信红名单', en: 'On a red list of trustworthy entities' },
  { id: 'mark.official-link', level: 'neutral', when: markIs('official-link'),
    zh: '展示了市场监管部门的电子营业执照亮照链接（未验证签名）',
    en: 'Shows an official licence link (signature not checked)' },
  { id: 'status.clean', level: 'neutral', when: (f) => f.known && f.listsChecked && !statusProblem(f),
    zh: '已查询信用信息，未发现问题', en: 'Credit information checked; no problems found' },
  { id: 'data.none', level: 'unknown', when: (f) => !f.known && f.mark === undefined,
    zh: '暂无该经营者的信用信息', en: 'No credit information about this operator' },
];

/** The rule table without the page rules: what a caller without the page's own text (the widget) decides with. */
export const PAGELESS_RULES: readonly VerdictRule[] = [...DANGER_RULES, ...OTHER_RULES];
