import { spawnSync } from 'node:child_process';
import { xinbiao } from '../../support/cli';

const PAGES = 'test/fixtures/pages';
const run = xinbiao('detect');

describe('xinbiao detect', () => {
  it('prints one JSON object per file with subjects, marks and query windows', () => {
    const r = run(`${PAGES}/b2b2c-license.html`, `${PAGES}/platform-home.html`);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    const [shop, home] = r.lines;
    expect(shop.file).toBe(`${PAGES}/b2b2c-license.html`);
    expect(shop.subjects[0]).toEqual({
      uscc: '91990000MA3C5N2W8G', regNo: null, name: '青岛鲜达海产品有限公司', source: 'label', sources: ['label'], confidence: 0.8,
      checksum: 'ok', role: 'shop', label: '统一社会信用代码',
      selector: 'html > body:nth-child(2) > div:nth-child(3) > table:nth-child(4) > tbody:nth-child(1) > tr:nth-child(2) > td:nth-child(2) > b:nth-child(1)',
    });
    expect(shop.subjects[1]).toMatchObject({ uscc: '91990000MA3C7T0L2N', source: 'samr-link', role: 'platform' });
    expect(shop.marks.map((m: { kind: string }) => m.kind)).toEqual(['samr', 'icp']);
    expect(home.queryWindows).toHaveLength(10);
    expect(home.queryWindows[0]).toMatchObject({ kind: 'link', site: 'creditchina', name: '信用中国' });
  });

  it('exits 1 for an unreadable file and still prints an object for every file', () => {
    const r = run(`${PAGES}/missing.html`, `${PAGES}/json-ld.html`);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toEqual({ file: `${PAGES}/missing.html`, error: 'cannot read file: ENOENT' });
    expect(r.lines[1].subjects[0]).toMatchObject({ uscc: '91990000MA2GQ5R37J', source: 'json-ld' });
    expect(r.stderr).toMatch(/cannot read .*missing\.html/);
  });

  it('exits 2 on usage errors and prints help with --help', () => {
    expect(run().code).toBe(2);
    const bad = run('--adapter', 'x.html');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --adapter/);
    expect(run('--site', 'ebay', `${PAGES}/json-ld.html`).code).toBe(2);
    expect(run('--url', 'not a url', `${PAGES}/json-ld.html`).code).toBe(2);
    const help = spawnSync('node', ['bin/xinbiao.js', 'detect', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: xinbiao detect \[--site ID\] \[--url URL\] <file\.html…>/);
  });

  it('reports only the operator on the Tmall 资质 page, not a name read from its note', () => {
    const r = run('test/fixtures/sites/tmall/licence.html', `${PAGES}/prose-labels.html`);
    expect(r.code).toBe(0);
    expect(r.lines[0].subjects.map((s: { uscc: string; name: string }) => [s.uscc, s.name])).toEqual([['91990000MA2H7Q013E', '杭州示例优品商贸有限公司']]);
    expect(r.lines[1].subjects.map((s: { uscc: string; name: string }) => [s.uscc, s.name])).toEqual([['91990000MA8R2K6T00', '厦门鹭岛茶仓商贸有限公司']]);
  });

  it('returns hostile names as JSON strings', () => {
    const r = run(`${PAGES}/hostile.html`);
    expect(r.code).toBe(0);
    expect(r.lines[0].subjects[0].name).toBe('<script>alert(document.cookie)</script>广州特价贸易有限公司');
    expect(r.stdout).toContain('"name":"<script>alert(document.cookie)</script>');
  });
});
