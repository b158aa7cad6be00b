import { evaluate, type AuditInput } from '../../../../core/audit';
import { CreditStatus, entryInForce, type ListEntry } from '../../../../core/model';
import type { ListMatch } from '../../../../core/sources';
import { decideVerdict } from '../../../../core/verdict';

const USCC = '91330106673959654P';
const NAME = '杭州云栈数码科技有限公司';
const SINCE = '2026-03-01';
const UNTIL = '2026-03-31';
/** An instant written in China time (UTC+8), as a publisher dates its list. */
const china = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);

// Hand-written: first and last day count whole (00:00 to 23:59 China time), the days around them do not.
const cases: [string, number, boolean][] = [
  ['the day before, 23:59', china('2026-02-28', '23:59'), false],
  ['first day 00:00', china(SINCE, '00:00'), true],
  ['first day 07:59 (still the day before in UTC)', china(SINCE, '07:59'), true],
  ['first day 08:00', china(SINCE, '08:00'), true],
  ['first day 23:59', china(SINCE, '23:59'), true],
  ['last day 00:00', china(UNTIL, '00:00'), true],
  ['last day 07:59', china(UNTIL, '07:59'), true],
  ['last day 08:00 (00:00 UTC)', china(UNTIL, '08:00'), true],
  ['last day 23:59 (15:59 UTC)', china(UNTIL, '23:59'), true],
  ['the day after, 00:00 (still the last day in UTC)', china('2026-04-01', '00:00'), false],
  ['the day after, 07:59', china('2026-04-01', '07:59'), false],
];

const prov = { source: 'list:demo-black@v1', retrievedAt: '2026-02-01T00:00:00Z' };
const entry: ListEntry = { list: 'black', reason: '虚假宣传', authority: '某市市场监督管理局', since: SINCE, until: UNTIL, provenance: prov };
const status = CreditStatus.parse({
  subject: { uscc: USCC, name: NAME, kind: 'company', provenance: prov },
  licence: { name: NAME, uscc: USCC, provenance: prov },
  creditLevels: [], listEntries: [entry], records: [], commitments: [], asOf: '2026-02-01T00:00:00Z',
});
const match: ListMatch = {
  list: { id: 'demo-black', name: '示例黑名单', kind: 'black', publisher: { id: 'p', name: 'P' }, version: 1, issued: '2026-02-01T00:00:00Z', expires: '2027-02-01T00:00:00Z', importedAt: '2026-02-01T00:00:00Z', count: 1 },
  line: { uscc: USCC, name: NAME, reason: entry.reason, authority: entry.authority, since: SINCE, until: UNTIL } as ListMatch['line'],
};
const auditAt = (now: number): AuditInput => ({
  facts: {
    url: 'https://shop.example/shop/1', title: 'shop', viewport: { width: 1280, height: 800 }, pageKind: 'shop',
    subjects: [{ uscc: USCC, name: NAME, source: 'label', selector: '#lic' }], marks: [], queryWindows: [], shownCodes: [], standardPositions: [],
  },
  marks: [], lists: [match], now: new Date(now).toISOString(),
});

describe('a list entry is in force on China-time calendar days, both ends included', () => {
  it.each(cases)('%s → %s', (_name, now, expected) => {
    expect(entryInForce(entry, now)).toBe(expected);
  });

  it.each(cases)('the verdict and the audit’s risk-warning rule agree: %s', (_name, now, expected) => {
    // Data older than a week would cap the verdict: keep it fresh at each instant.
    const v = decideVerdict({ status: { ...status, asOf: new Date(now - 60_000).toISOString() }, listsChecked: true, now });
    expect(v.level === 'danger').toBe(expected);
    const risk = evaluate(auditAt(now)).find((f) => f.ruleId === 'risk-warning')!;
    expect(risk.outcome).toBe(expected ? 'violation' : 'not-applicable');
  });

  it('a date-time bound counts to the millisecond; a repaired entry never counts', () => {
    const until = '2026-03-31T12:00:00Z';
    expect(entryInForce({ since: SINCE, until }, Date.parse(until))).toBe(true);
    expect(entryInForce({ since: SINCE, until }, Date.parse(until) + 1)).toBe(false);
    expect(entryInForce({ since: SINCE, until: UNTIL, repairedAt: '2026-03-10' }, china('2026-03-05', '12:00'))).toBe(false);
    expect(entryInForce({ since: SINCE }, china('2030-01-01', '12:00'))).toBe(true);
  });
});
