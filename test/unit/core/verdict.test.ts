import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideVerdict, VERDICT_RULES, type MarkOutcome, type VerdictInput, type VerdictLevel } from '../../../core/verdict';
import type { CreditLevel, CreditStatus, ListEntry, ListKind } from '../../../core/model';
import { CreditStatus as CreditStatusSchema } from '../../../core/model';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const prov = { source: 'list:demo@v1', retrievedAt: iso(NOW - 3600_000) };
/** Provenance of an entry read from list demo-black@v1, which expires at `expires`. */
const listProv = (expires: string) => ({ ...prov, source: 'list:demo-black@v1', expires }) as ListEntry['provenance'];
/** Its list expired on 2026-11-14, a week before NOW. */
const expiredProv = listProv('2026-11-14T00:00:00+08:00');
// Set after parsing: the model schema does not declare `expires` in provenance, so parsing would drop it.
const withEntries = (base: CreditStatus, listEntries: ListEntry[]): CreditStatus => ({ ...base, listEntries });
const subject = { uscc: '91330106673959654P', name: '示例科技有限公司', kind: 'company' as const, provenance: prov };

function status(parts: Partial<CreditStatus> = {}): CreditStatus {
  return CreditStatusSchema.parse({ subject, creditLevels: [], listEntries: [], records: [], commitments: [], asOf: iso(NOW - 60_000), ...parts });
}
const entry = (list: ListKind, extra: Partial<ListEntry> = {}): ListEntry =>
  ({ list, reason: '示例原因', authority: '示例市场监督管理局', since: '2026-01-05', provenance: prov, ...extra });
const level = (scheme: CreditLevel['scheme'], lvl: string, extra: Partial<CreditLevel> = {}): CreditLevel =>
  ({ scheme, schemeName: '示例评价', level: lvl, issuer: '示例税务局', date: '2026-04-01', provenance: prov, ...extra });
const licence = (extra: Record<string, string> = {}) => ({ name: subject.name, uscc: subject.uscc, provenance: prov, ...extra });

interface Case { name: string; input: Omit<VerdictInput, 'now'> & { now?: number }; level: VerdictLevel; codes: string[] }
const clean = (extra: Partial<CreditStatus> = {}) => status({ licence: licence({ status: '存续' }), ...extra });

const cases: Case[] = [
  { name: 'black list entry → danger', input: { status: status({ listEntries: [entry('black')] }), listsChecked: true }, level: 'danger', codes: ['list.black'] },
  { name: 'seriously dishonest → danger', input: { status: status({ listEntries: [entry('seriously-dishonest')] }), listsChecked: true }, level: 'danger', codes: ['list.seriously-dishonest'] },
  { name: 'judgment defaulter → danger', input: { status: status({ listEntries: [entry('judgment-defaulter')] }), listsChecked: true }, level: 'danger', codes: ['list.judgment-defaulter'] },
  { name: 'copied mark → danger even with a clean status', input: { status: clean(), mark: 'copied', listsChecked: true }, level: 'danger', codes: ['mark.copied', 'status.clean'] },
  { name: 'revoked mark → danger even with a clean status', input: { status: clean(), mark: 'revoked', listsChecked: true }, level: 'danger', codes: ['mark.revoked', 'status.clean'] },
  { name: 'tampered mark without any status → danger', input: { mark: 'tampered', listsChecked: false }, level: 'danger', codes: ['mark.tampered', 'lists.unchecked'] },
  { name: '吊销 licence → danger', input: { status: status({ licence: licence({ status: '吊销，未注销' }) }), listsChecked: true }, level: 'danger', codes: ['licence.dead'] },
  { name: '注销 licence → danger', input: { status: status({ licence: licence({ status: '注销' }) }), listsChecked: true }, level: 'danger', codes: ['licence.dead'] },
  { name: 'abnormal operation → caution', input: { status: status({ listEntries: [entry('abnormal')] }), listsChecked: true }, level: 'caution', codes: ['list.abnormal'] },
  ...(['expired', 'revoked-key', 'unknown-issuer', 'malformed', 'status-unknown'] as MarkOutcome[]).map((m): Case => (
    { name: `${m} mark → caution`, input: { status: clean(), mark: m, listsChecked: true }, level: 'caution', codes: [`mark.${m}`, 'status.clean'] })),
  { name: 'tax D → caution', input: { status: status({ creditLevels: [level('tax', 'D')] }), listsChecked: true }, level: 'caution', codes: ['credit.low'] },
  { name: 'customs 失信企业 → caution', input: { status: status({ creditLevels: [level('customs', '失信企业')] }), listsChecked: true }, level: 'caution', codes: ['credit.low'] },
  { name: 'tax A is not low', input: { status: status({ creditLevels: [level('tax', 'A')] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'expired low level does not count', input: { status: status({ creditLevels: [level('tax', 'D', { validUntil: '2026-03-31' })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'licence past its term → caution', input: { status: status({ licence: licence({ validUntil: '2025-12-31' }) }), listsChecked: true }, level: 'caution', codes: ['licence.expired'] },
  { name: '长期 licence is not expired', input: { status: status({ licence: licence({ validUntil: '长期' }) }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'danger beats caution', input: { status: status({ listEntries: [entry('abnormal'), entry('black')] }), listsChecked: true }, level: 'danger', codes: ['list.black', 'list.abnormal'] },
  { name: 'genuine mark + clean lists → good', input: { status: clean(), mark: 'genuine', listsChecked: true }, level: 'good', codes: ['mark.genuine', 'status.clean'] },
  { name: 'genuine mark, nothing on any list → good', input: { mark: 'genuine', listsChecked: true }, level: 'good', codes: ['mark.genuine'] },
  { name: 'genuine mark, lists not checked → neutral', input: { mark: 'genuine', listsChecked: false }, level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'genuine mark but abnormal → caution', input: { status: status({ listEntries: [entry('abnormal')] }), mark: 'genuine', listsChecked: true }, level: 'caution', codes: ['list.abnormal', 'mark.genuine'] },
  { name: 'red list + clean lists → good', input: { status: status({ listEntries: [entry('red')] }), listsChecked: true }, level: 'good', codes: ['list.red', 'status.clean'] },
  { name: 'red list + black list → danger', input: { status: status({ listEntries: [entry('red'), entry('black')] }), listsChecked: true }, level: 'danger', codes: ['list.black', 'list.red'] },
  { name: 'official link → neutral', input: { mark: 'official-link', listsChecked: true }, level: 'neutral', codes: ['mark.official-link'] },
  { name: 'known licence, clean lists → neutral', input: { status: clean(), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'nothing known → unknown', input: { listsChecked: true }, level: 'unknown', codes: ['data.none'] },
  { name: 'nothing known, nothing checked → unknown', input: { listsChecked: false }, level: 'unknown', codes: ['lists.unchecked', 'data.none'] },
  { name: 'empty status (subject only) → unknown', input: { status: status(), listsChecked: true }, level: 'unknown', codes: ['data.none'] },
  { name: 'stale red list → unknown, never good', input: { status: status({ listEntries: [entry('red')], asOf: iso(NOW - 8 * 86400_000) }), listsChecked: true }, level: 'unknown', codes: ['data.stale', 'list.red', 'status.clean'] },
  { name: 'stale genuine mark → unknown', input: { status: clean({ asOf: iso(NOW - 8 * 86400_000) }), mark: 'genuine', listsChecked: true }, level: 'unknown', codes: ['data.stale', 'mark.genuine', 'status.clean'] },
  { name: 'stale black list still warns', input: { status: status({ listEntries: [entry('black')], asOf: iso(NOW - 30 * 86400_000) }), listsChecked: true }, level: 'danger', codes: ['list.black', 'data.stale'] },
  { name: 'custom stale threshold', input: { status: status({ listEntries: [entry('red')], asOf: iso(NOW - 2 * 3600_000) }), listsChecked: true, staleAfterMs: 3600_000 }, level: 'unknown', codes: ['data.stale', 'list.red', 'status.clean'] },
  { name: 'entry expiring exactly now still counts', input: { status: status({ listEntries: [entry('black', { until: iso(NOW) })] }), listsChecked: true }, level: 'danger', codes: ['list.black'] },
  { name: 'entry expired a millisecond ago does not count', input: { status: status({ listEntries: [entry('black', { until: iso(NOW - 1) })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'date-only until counts through that day (China time)', input: { status: status({ listEntries: [entry('black', { until: '2026-11-21' })] }), listsChecked: true }, level: 'danger', codes: ['list.black'] },
  { name: 'date-only until of yesterday does not count', input: { status: status({ listEntries: [entry('black', { until: '2026-11-20' })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'repaired entry does not count', input: { status: status({ listEntries: [entry('seriously-dishonest', { repairedAt: '2026-06-01' })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'repaired red entry is not good either', input: { status: status({ listEntries: [entry('red', { repairedAt: '2026-06-01' })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  // Entries whose list has expired (core/sources puts the list's expiry into their provenance).
  { name: 'black entry of an expired list still warns, saying so', input: { status: withEntries(status(), [entry('black', { provenance: expiredProv })]), listsChecked: true }, level: 'danger', codes: ['list.black', 'list.expired'] },
  { name: 'abnormal entry of an expired list → caution', input: { status: withEntries(status(), [entry('abnormal', { provenance: expiredProv })]), listsChecked: false }, level: 'caution', codes: ['list.abnormal', 'list.expired', 'lists.unchecked'] },
  { name: 'red entry of an expired list does not vouch', input: { status: withEntries(clean(), [entry('red', { provenance: expiredProv })]), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'red entry of a list expiring exactly now does not vouch', input: { status: withEntries(clean(), [entry('red', { provenance: listProv(iso(NOW)) })]), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  { name: 'red entry of a list expiring a millisecond from now → good', input: { status: withEntries(clean(), [entry('red', { provenance: listProv(iso(NOW + 1)) })]), listsChecked: true }, level: 'good', codes: ['list.red', 'status.clean'] },
  { name: 'black entry of an unexpired list: no expiry reason', input: { status: withEntries(status(), [entry('black', { provenance: listProv('2036-12-31T23:59:59+08:00') })]), listsChecked: true }, level: 'danger', codes: ['list.black'] },
  { name: 'repaired entry of an expired list neither warns nor mentions the list', input: { status: withEntries(status(), [entry('black', { provenance: expiredProv, repairedAt: '2026-06-01' })]), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
  // Borrowed identity: the page's name for a code against the names registered for it (sameName after normalisation).
  { name: 'page name differs from the registered name of its code, red list → caution',
    input: { status: status({ listEntries: [entry('red')] }), listsChecked: true, page: { subject: { uscc: subject.uscc, name: '深圳示例假冒贸易有限公司' }, named: [{ uscc: subject.uscc, name: '深圳示例假冒贸易有限公司' }], marks: [] } },
    level: 'caution', codes: ['name.claimed', 'list.red', 'status.clean'] },
  { name: 'page name written another way (full width, brackets, spaces) is the same name',
    input: { status: status({ listEntries: [entry('red')] }), listsChecked: true, page: { subject: { uscc: subject.uscc, name: '示例科技 有限公司' }, named: [], marks: [] } },
    level: 'good', codes: ['list.red', 'status.clean'] },
  { name: 'borrowed code of a black-listed company stays danger',
    input: { status: status({ listEntries: [entry('black')] }), listsChecked: true, page: { subject: { uscc: subject.uscc, name: '别家公司' }, named: [], marks: [] } },
    level: 'danger', codes: ['list.black', 'name.claimed'] },
  { name: 'a mark naming the page code under the page name registers it',
    input: { status: status({ listEntries: [entry('red')] }), listsChecked: true, page: { subject: { uscc: subject.uscc, name: '示例别名有限公司' }, named: [], marks: [{ uscc: subject.uscc, name: '示例别名有限公司' }] } },
    level: 'good', codes: ['list.red', 'status.clean'] },
  { name: 'a mark for another operator than the page names → caution',
    input: { status: clean(), mark: 'genuine', listsChecked: true, page: { named: [{ uscc: '91990000MA1N8K024W' }], marks: [{ uscc: subject.uscc, name: subject.name }] } },
    level: 'caution', codes: ['mark.other-operator', 'mark.genuine', 'status.clean'] },
  { name: 'entry starting in the future does not count yet', input: { status: status({ listEntries: [entry('black', { since: '2026-12-01' })] }), listsChecked: true }, level: 'neutral', codes: ['status.clean'] },
];

describe('decideVerdict', () => {
  it.each(cases)('$name', ({ input, level, codes }) => {
    const v = decideVerdict({ now: NOW, ...input });
    expect(v.level).toBe(level);
    expect(v.reasons.map((r) => r.code)).toEqual(codes);
    for (const r of v.reasons) expect(r.zh && r.en).toBeTruthy();
  });

  it('says which list expired and when, in both languages', () => {
    const other = { ...expiredProv, source: 'list:demo-abnormal@v4', expires: '2026-10-01T00:00:00+08:00' } as ListEntry['provenance'];
    const v = decideVerdict({ status: withEntries(status(), [entry('black', { provenance: expiredProv }), entry('abnormal', { provenance: other })]), listsChecked: true, now: NOW });
    const r = v.reasons.find((x) => x.code === 'list.expired')!;
    expect(r.zh).toBe('所在名单已过期，仍作警示（demo-black@v1、demo-abnormal@v4 于 2026-10-01、2026-11-14 过期）');
    expect(r.en).toBe('On a list that has expired; still shown as a warning (demo-black@v1, demo-abnormal@v4 expired 2026-10-01, 2026-11-14)');
  });

  it('shows the claimed name as the page\'s claim, in both languages', () => {
    const v = decideVerdict({ status: status(), listsChecked: true, now: NOW, page: { subject: { uscc: subject.uscc, name: '深圳示例假冒贸易有限公司' }, named: [], marks: [] } });
    expect(v.reasons[0]).toEqual({ code: 'name.claimed', level: 'caution',
      zh: '页面所示名称与该代码的登记名称不符（页面自称“深圳示例假冒贸易有限公司”）',
      en: 'The name on this page is not the name registered for its code (page claims “深圳示例假冒贸易有限公司”)' });
  });

  it('each reason carries the level of its rule, so the headline is the reasons at the verdict\'s level', () => {
    const v = decideVerdict({ status: status({ listEntries: [entry('black')] }), mark: 'genuine', listsChecked: true, now: NOW });
    expect(v.reasons.map((r) => [r.code, r.level])).toEqual([['list.black', 'danger'], ['mark.genuine', 'good']]);
  });

  it('accepts a Date for now', () => {
    expect(decideVerdict({ status: status({ listEntries: [entry('black', { until: iso(NOW) })] }), listsChecked: true, now: new Date(NOW + 1) }).level).toBe('neutral');
  });

  it('an unparseable asOf counts as stale', () => {
    const s = { ...status({ listEntries: [entry('red')] }), asOf: 'not a date' };
    expect(decideVerdict({ status: s, listsChecked: true, now: NOW }).level).toBe('unknown');
  });

  it('every rule is exercised by a case', () => {
    const seen = new Set(cases.flatMap((c) => c.codes));
    expect(VERDICT_RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('rule ids are unique', () => {
    expect(new Set(VERDICT_RULES.map((r) => r.id)).size).toBe(VERDICT_RULES.length);
  });

  it('docs/verdict.md lists every rule in order with its level and both languages', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/verdict.md'), 'utf8');
    const rows = [...doc.matchAll(/^\|\s*\d+\s*\|\s*`([^`]+)`\s*\|\s*(\w+)[^|]*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/gm)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows).toEqual(VERDICT_RULES.map((r) => [r.id, r.level, r.zh, r.en]));
  });
});
