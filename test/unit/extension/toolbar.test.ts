import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyTrustList } from '../../../core/trust';
import { actionState } from '../../../extension/background/action';
import { flagShownMarks } from '../../../extension/background/page-marks';
import type { PageReport, SubjectReport } from '../../../extension/platform/messaging';

const SAMPLES = resolve(import.meta.dirname, '../../../samples');
const sample = (p: string) => readFileSync(resolve(SAMPLES, p), 'utf8').trim();
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
const YOUPIN_PAGE = 'http://127.0.0.1:8080/shops/youpin/';

const subject = (over: Partial<SubjectReport> = {}): SubjectReport => ({
  key: 'uscc:91330106MA2H7Q0139', uscc: '91330106MA2H7Q0139', name: '杭州示例优品商贸有限公司', source: 'mark',
  level: 'good', reasons: [], marks: [{ outcome: 'genuine', issuer: '示例商城' }], ...over,
});
const report = (...subjects: SubjectReport[]): PageReport => ({ url: YOUPIN_PAGE, at: new Date(NOW).toISOString(), subjects });

describe('toolbar state per tab (extension/background/action.ts)', () => {
  it('shows the most severe subject: icon, colour, operator and level in both languages', () => {
    expect(actionState(report(subject({ level: 'danger', name: '深圳示例失信贸易有限公司' }), subject()))).toEqual({
      text: '✕', colour: '#cf222e',
      title: '信标 XinBiao · 深圳示例失信贸易有限公司：风险提示 / Risk warning\n本页共 2 个经营者 / 2 operators on this page',
    });
    expect(actionState(report(subject()))).toMatchObject({ text: '✓', colour: '#1a7f37' });
  });

  it('flags a mark the extension does not accept, and clears on a page without a shop', () => {
    const copied = subject({ level: 'danger', marks: [{ outcome: 'copied' }] });
    expect(actionState(report(copied)).text).toBe('✕!');
    expect(actionState(report())).toEqual({ text: '', colour: '#6e7781', title: '信标 XinBiao' });
    expect(actionState(null).text).toBe('');
  });
});

describe('in-page mark state against the extension\'s check (extension/background/page-marks.ts)', async () => {
  const trust = await verifyTrustList(sample('trust/trust.jws'), JSON.parse(sample('keys/demo-root-2026.public.jwk.json')), NOW);
  if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
  const token = sample('marks/youpin.jws');
  const req = (url: string, shown?: string) => ({ url, subjects: [], marks: [{ token, ...(shown ? { shown } : {}) }] });

  it('leaves a page alone when its mark shows what the extension found, or shows nothing', async () => {
    const r = report(subject());
    expect(await flagShownMarks(req(YOUPIN_PAGE, 'genuine'), r, trust.trust, NOW)).toEqual(r);
    expect(await flagShownMarks(req('http://127.0.0.1:8080/shops/other/'), r, trust.trust, NOW)).toEqual(r);
  });

  it('flags a page whose mark claims "genuine" where the extension finds it copied: warning first, at most caution', async () => {
    const flagged = await flagShownMarks(req('http://127.0.0.1:8080/shops/other/', 'genuine'), report(subject({ level: 'neutral' })), trust.trust, NOW);
    const s = flagged.subjects[0]!;
    expect(s.level).toBe('caution');
    expect(s.reasons[0]).toEqual({
      code: 'mark-state-differs',
      level: 'caution',
      zh: '页面上的标识自称“标识有效：由可信平台签发，且属于本店”，信标核验结果为“标识被挪用：它属于另一个店铺或网站”',
      en: 'The page\'s mark claims "Genuine mark: signed by a trusted platform for this shop"; XinBiao\'s own check says "Copied mark: it belongs to another shop or site"',
    });
    expect(actionState(flagged)).toMatchObject({ text: '!', colour: '#9a6700' });
    expect(actionState(flagged).title).toContain('⚠ 页面上的标识自称');
  });

  it('keeps danger, and quotes an unknown in-page state as it is', async () => {
    const flagged = await flagShownMarks(req(YOUPIN_PAGE, 'trusted-by-page'), report(subject({ level: 'danger' })), trust.trust, NOW);
    expect(flagged.subjects[0]!.level).toBe('danger');
    expect(flagged.subjects[0]!.reasons[0]!.zh).toContain('自称“trusted-by-page”');
  });
});
