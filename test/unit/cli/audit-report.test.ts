import { csvField, parseCsv, toCsv } from '../../../core/audit/csv';
import { esc, renderHtml } from '../../../cli/audit/report-html';
import { REPORT_FORMAT } from '../../../cli/audit/report';
import { CSV_HEADER, csvRows } from '../../../cli/audit/report-files';
import type { PageReport } from '../../../cli/audit/run-page';
import { summarise } from '../../../cli/audit/summary';
import { AUDIT_RULES } from '../../../core/audit';

const page = (over: Partial<PageReport> = {}): PageReport => ({
  index: 0, input: 'a.html', url: 'http://shop.example/a.html', status: 'ok', attempts: 1,
  startedAt: '2026-11-21T10:00:00Z', finishedAt: '2026-11-21T10:00:01Z', evidence: { dir: 'pages/001', screenshot: 'pages/001/screenshot.png' },
  findings: [{ ruleId: 'licence-shown', outcome: 'violation', message: { zh: '未公示，"引号", 逗号\n换行', en: 'x' }, evidence: ['html'] }], ...over,
});

describe('CSV escaping', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    [undefined, ''],
  ])('%j → %j', (input, out) => expect(csvField(input)).toBe(out));

  it('round-trips through parseCsv, including Chinese, quotes and new lines', () => {
    const rows = [['统一社会信用代码', 'a "b", c'], ['x\r\ny', '']];
    const text = toCsv(['h1', 'h2'], rows);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(text)).toEqual([['h1', 'h2'], ...rows]);
  });

  it('has one row per finding with the page evidence', () => {
    const rows = csvRows([page(), page({ index: 1, status: 'error', findings: [{ ruleId: 'page-load', outcome: 'error', message: { zh: '无法加载', en: 'failed' }, evidence: [] }] })]);
    expect(rows).toHaveLength(2);
    expect(rows[0]![CSV_HEADER.indexOf('screenshot')]).toBe('pages/001/screenshot.png');
    expect(rows[1]![CSV_HEADER.indexOf('outcome')]).toBe('error');
  });
});

describe('summary and HTML report', () => {
  it('counts outcomes by rule and by site, failed pages included', () => {
    const s = summarise([page(), page({ url: 'file:///x/b.html', status: 'error', findings: [{ ruleId: 'page-load', outcome: 'error', message: { zh: 'a', en: 'b' }, evidence: [] }] })]);
    expect(s.failedPages).toBe(1);
    expect(s.total.violation).toBe(1);
    expect(s.byRule['licence-shown']!.violation).toBe(1);
    expect(s.bySite['shop.example']!.violation).toBe(1);
    expect(s.bySite['b.html']!.error).toBe(1);
  });

  it('escapes page text and uses no script or external asset', () => {
    const evil = page({ title: '<script>alert(1)</script>', url: 'http://shop.example/"><img src=x onerror=alert(1)>' });
    const html = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', options: {}, rules: AUDIT_RULES, refusedLists: [], summary: summarise([evil]), pages: [evil] }, () => 'AAAA');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(esc('<script>alert(1)</script>'));
    expect(html).toContain('data:image/png;base64,AAAA');
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!shop\.example)/);
    expect(html).toContain('<svg');
  });
});
