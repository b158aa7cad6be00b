import { compareRuns, countChanges, type ComparedPage } from '../../../cli/audit/queue/changes';
import { CampaignId } from '../../../cli/audit/queue/types';

const page = (idx: number, findings: Record<string, ComparedPage['findings'][number]['outcome']>, status: 'ok' | 'error' = 'ok'): ComparedPage => ({
  idx, input: `shop-${idx}`, url: `https://shop.example/${idx}`, status, findings: Object.entries(findings).map(([ruleId, outcome]) => ({ ruleId, outcome })),
});

describe('changes between two runs of a campaign', () => {
  it('names each problem new, fixed or persisting, listing by listing and rule by rule', () => {
    const before = [page(0, { 'licence-shown': 'violation', 'uscc-valid': 'pass' }), page(1, { 'mark-valid': 'needs-review', 'licence-prominent': 'violation' })];
    const after = [page(0, { 'licence-shown': 'pass', 'uscc-valid': 'violation' }), page(1, { 'mark-valid': 'violation', 'licence-prominent': 'violation' })];
    const changes = compareRuns(before, after);
    expect(changes.map((c) => [c.idx, c.ruleId, c.change, c.before, c.after])).toEqual([
      [0, 'licence-shown', 'fixed', 'violation', 'pass'],
      [0, 'uscc-valid', 'new', 'pass', 'violation'],
      [1, 'licence-prominent', 'persisting', 'violation', 'violation'],
      [1, 'mark-valid', 'persisting', 'needs-review', 'violation'],
    ]);
    expect(countChanges(changes)).toEqual({ new: 1, fixed: 1, persisting: 2 });
  });

  it('leaves out listings that failed to load or were not in both runs, and rules the later run did not apply', () => {
    const before = [page(0, { 'licence-shown': 'violation' }), page(1, { 'licence-shown': 'violation' }), page(3, { 'risk-warning': 'violation' })];
    const after = [page(0, { 'page-load': 'error' }, 'error'), page(1, { 'licence-shown': 'violation' }), page(2, { 'licence-shown': 'violation' }), page(3, {})];
    expect(compareRuns(before, after).map((c) => [c.idx, c.change])).toEqual([[1, 'persisting']]);
  });
});

describe('campaign ids', () => {
  it.each(['spot-2026', 'a', 'Q4.jd_shops'])('accepts %s', (id) => expect(CampaignId.safeParse(id).success).toBe(true));
  it.each(['', '../etc', '-x', 'a/b', 'x'.repeat(65), '活动'])('refuses %j (it names a folder of the evidence directory)', (id) => expect(CampaignId.safeParse(id).success).toBe(false));
});
