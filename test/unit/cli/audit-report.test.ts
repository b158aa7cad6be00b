import { csvField, parseCsv, toCsv } from '../../../core/audit/csv';
import { esc, fitLabel, renderHtml } from '../../../cli/audit/report-html';
import { REPORT_FORMAT } from '../../../cli/audit/report';
import { CSV_HEADER, csvRows } from '../../../cli/audit/report-files';
import type { PageReport } from '../../../cli/audit/run-page';
import { summarise, UNKNOWN_SITE } from '../../../cli/audit/summary';
import { AUDIT_RULES, ruleSetInfo, type RunRecord } from '../../../core/audit';

const run: RunRecord = {
  id: 'run-1', tool: { name: 'xinbiao', version: '0.1.0' }, ruleSet: ruleSetInfo(),
  trust: { id: 'trust-list', version: 1, file: 'trust.jws', sha256: 'a'.repeat(64), rootKid: 'root' },
  lists: [{ id: 'demo-black', version: 1, kind: 'black', publisher: 'office', file: 'demo-black.ndjson', sha256: 'b'.repeat(64) }],
  demo: { trust: true, lists: true }, operator: '王检查', startedAt: '2026-11-21T18:00:00.000+08:00', finishedAt: '2026-11-21T18:05:00.000+08:00',
  population: { size: 2, sha256: 'c'.repeat(64), file: 'population.csv' },
  sample: { method: 'all', size: 2, seed: 1, seedText: '1', generator: 'g' },
};

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
    expect(rows[0]![CSV_HEADER.indexOf('basis')]).toBe('《电子商务法》第十五条；《网络交易监督管理办法》第十二条；地方电子商务诚信建设实施办法：亮照亮标（营业执照、身份核验标识、信用等级或电子链接标识）');
  });
});

describe('summary and HTML report', () => {
  it('counts outcomes by rule and by site origin, a saved page under the address it was saved from, failed pages included', () => {
    const s = summarise([
      page(),
      page({ url: 'file:///x/saved-copy.html', savedFrom: 'http://shop.example/other/page.html' }),
      page({ url: 'file:///x/b.html', status: 'error', findings: [{ ruleId: 'page-load', outcome: 'error', message: { zh: 'a', en: 'b' }, evidence: [] }] }),
    ]);
    expect(s.failedPages).toBe(1);
    expect(s.total.violation).toBe(2);
    expect(s.byRule['licence-shown']!.violation).toBe(2);
    expect(Object.keys(s.bySite).sort()).toEqual(['http://shop.example', UNKNOWN_SITE].sort());
    expect(s.bySite['http://shop.example']!.violation).toBe(2);
    expect(s.bySite[UNKNOWN_SITE]!.error).toBe(1);
  });

  it('shows the run record, the demo-data warning in both languages, numbers on the charts and each finding\'s legal basis', () => {
    const html = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', run, options: {}, rules: AUDIT_RULES, refusedLists: [], summary: summarise([page()]), pages: [page()] }, () => undefined);
    expect(html).toContain('本报告使用了演示数据');
    expect(html).toContain('This report used the DEMO trust list and credit lists');
    expect(html).toContain('王检查');
    expect(html).toContain('2026-11-21T18:00:00.000+08:00');
    expect(html).toContain('b'.repeat(64));
    expect(html).toContain('《电子商务法》第十五条');
    expect(html).toMatch(/<text class="total"[^>]*>1</);
    expect(html).toContain('站点 Site: http://shop.example');
    const real = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', run: { ...run, demo: { trust: false, lists: false } }, options: {}, rules: AUDIT_RULES, refusedLists: [], summary: summarise([page()]), pages: [page()] }, () => undefined);
    expect(real).not.toContain('演示数据');
    expect(real).not.toContain('id="refused"');
  });

  it('cuts a chart label that would run off the chart, keeping the whole name in its tooltip and in the table', () => {
    expect(fitLabel('http://shop.example', 244)).toBe('http://shop.example');
    // 本地文件（来源不明） is 10 wide characters (120 px), the space and 15 Latin ones 112 px, the ellipsis 7 px: 239 ≤ 244.
    expect(fitLabel('本地文件（来源不明） Saved file, source unknown', 244)).toBe('本地文件（来源不明） Saved file, sou…');
    const saved = page({ url: 'file:///srv/saved/shop.html' });
    const html = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', run, options: {}, rules: AUDIT_RULES, refusedLists: [], summary: summarise([saved]), pages: [saved] }, () => undefined);
    expect(html).toContain('>本地文件（来源不明） Saved file, sou…<title>本地文件（来源不明） Saved file, source unknown</title></text>');
    expect(html).toContain('<td>本地文件（来源不明） Saved file, source unknown</td>');
  });

  it('names the list files refused, with the reason, escaped, in the run record', () => {
    const refusedLists = [{ file: 'demo-<b>abnormal</b>.ndjson', reason: '签名无效 / bad signature' }];
    const html = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', run, options: {}, rules: AUDIT_RULES, refusedLists, summary: summarise([page()]), pages: [page()] }, () => undefined);
    const table = /<table id="refused"[^]*?<\/table>/.exec(html)?.[0];
    expect(table).toContain('未采用的名单文件 List files refused');
    expect(table).toContain('<td>demo-&#60;b&#62;abnormal&#60;/b&#62;.ndjson</td><td>签名无效 / bad signature</td>');
  });

  it('escapes page text and uses no script or external asset', () => {
    const evil = page({ title: '<script>alert(1)</script>', url: 'http://shop.example/"><img src=x onerror=alert(1)>' });
    const html = renderHtml({ format: REPORT_FORMAT, generatedAt: 'now', run, options: {}, rules: AUDIT_RULES, refusedLists: [], summary: summarise([evil]), pages: [evil] }, () => 'AAAA');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(esc('<script>alert(1)</script>'));
    expect(html).toContain('data:image/png;base64,AAAA');
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!shop\.example)/);
    expect(html).toContain('<svg');
  });
});
