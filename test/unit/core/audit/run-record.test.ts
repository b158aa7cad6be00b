import { buildManifest, chinaTime, diffManifest, ruleSetInfo, RULESET_VERSION } from '../../../../core/audit';

const f = (path: string, c: string) => ({ path, sha256: c.repeat(64), size: 10 });

describe('run record pieces', () => {
  it('China time is UTC+8 with its offset written out, across midnight too', () => {
    expect(chinaTime(Date.UTC(2026, 10, 30, 8, 5, 9, 120))).toBe('2026-11-30T16:05:09.120+08:00');
    expect(chinaTime(Date.UTC(2026, 11, 31, 16, 0, 0, 0))).toBe('2027-01-01T00:00:00.000+08:00');
  });
  it('the rule set is named by its version and a digest of the rules', () => {
    const info = ruleSetInfo();
    expect(info.version).toBe(RULESET_VERSION);
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ruleSetInfo()).toEqual(info);
  });
  it('a manifest is sorted by path and a diff names changed, added and missing files, ignoring the manifest itself', () => {
    const m = buildManifest('r', 't', [f('report.json', 'a'), f('pages/001/page.html', 'b'), f('report.html', 'c')]);
    expect(m.files.map((x) => x.path)).toEqual(['pages/001/page.html', 'report.html', 'report.json']);
    const now = [f('report.json', 'a'), f('pages/001/page.html', 'd'), f('extra.png', 'e'), f('manifest.json', 'f'), f('manifest.jws', '0')];
    expect(diffManifest(m, now)).toEqual({ changed: ['pages/001/page.html'], added: ['extra.png'], missing: ['report.html'] });
  });
});
