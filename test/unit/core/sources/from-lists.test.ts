import { CreditLevel, ListEntry, Subject } from '../../../../core/model';
import { listMatchesToParts, subjectKindOf } from '../../../../core/sources';
import { blackMatch, levelMatch, listInfo, USCC } from './fixtures';

describe('listMatchesToParts', () => {
  it('turns entries and levels into status parts with the list as provenance', () => {
    const repaired = { list: listInfo('demo-abnormal', 'abnormal', 12), line: { uscc: USCC, name: '示例科技有限公司', reason: '未按时公示年报', authority: '示例区市场监督管理局', since: '2025-07-01', repairedAt: '2025-09-01' } };
    const parts = listMatchesToParts([blackMatch(), levelMatch(), repaired]);
    expect(parts.listEntries).toEqual([
      { list: 'black', reason: '虚假宣传，情节严重', authority: '示例市市场监督管理局', since: '2026-03-01', until: '2029-03-01', provenance: { source: 'list:demo-black@v3', sourceName: '示例市信用办', retrievedAt: '2026-11-02T03:04:05Z', issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z' } },
      { list: 'abnormal', reason: '未按时公示年报', authority: '示例区市场监督管理局', since: '2025-07-01', repairedAt: '2025-09-01', provenance: { source: 'list:demo-abnormal@v12', sourceName: '示例市信用办', retrievedAt: '2026-11-02T03:04:05Z', issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z' } },
    ]);
    expect(parts.creditLevels).toEqual([
      { scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '示例市税务局', date: '2026-04-01', provenance: { source: 'list:demo-tax-levels@v7', sourceName: '示例市信用办', retrievedAt: '2026-11-02T03:04:05Z', issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z' } },
    ]);
    for (const e of parts.listEntries) expect(ListEntry.safeParse(e).success).toBe(true);
    for (const l of parts.creditLevels) expect(CreditLevel.safeParse(l).success).toBe(true);
    expect(parts.subject?.name).toBe('示例科技有限公司');
  });

  it('a black-list entry whose name hides a line separator or a format character still warns, under the name as read', () => {
    const line = { ...blackMatch().line, name: '杭州示例\u2028商贸\u0600有限\uFFF9公司' };
    const parts = listMatchesToParts([{ ...blackMatch(), line }]);
    expect(parts.subject?.name).toBe('杭州示例商贸有限公司');
    expect(Subject.safeParse(parts.subject).success).toBe(true);
    expect(parts.listEntries.map((e) => e.list)).toEqual(['black']);
  });

  it('gives nothing for no matches', () => {
    expect(listMatchesToParts([])).toEqual({ listEntries: [], creditLevels: [] });
  });

  it('tells individual businesses (92…) from companies', () => {
    expect(subjectKindOf('92330106MA2H0000XX')).toBe('individual-business');
    expect(subjectKindOf(USCC)).toBe('company');
  });
});
