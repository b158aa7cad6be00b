import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { boxTargets, collectPageFacts, evaluate, withBoxes } from '../../../../core/audit';

const FIX = join(import.meta.dirname, '../../../fixtures/audit');
const load = (name: string) => new JSDOM(readFileSync(join(FIX, name), 'utf8')).window.document;
const url = (name: string) => `http://127.0.0.1:4173/audit/${name}`;

describe('collectPageFacts on the audit fixtures (no layout)', () => {
  it('reads licence, codes, identity and credit cues of a complete shop page', () => {
    const f = collectPageFacts(load('good-shop.html'), { url: url('good-shop.html') });
    expect(f.pageKind).toBe('shop');
    expect(f.shownCodes.map((c) => c.code)).toEqual(['91990000MA2H7Q013E']);
    expect(f.subjects[0]).toMatchObject({ uscc: '91990000MA2H7Q013E', name: '杭州示例优品商贸有限公司' });
    expect(f.marks.map((m) => m.kind)).toEqual(['xinbiao']);
    expect(f.identityMark?.text).toContain('身份核验');
    expect(f.creditLevel?.text).toContain('信用等级');
    expect(f.licence?.box).toBeUndefined();
  });
  it('reads the address a saved page came from, so its marks are checked against the live shop', () => {
    const html = `<!-- saved from url=(0041)http://127.0.0.1:4173/audit/good-shop.html -->\n${readFileSync(join(FIX, 'good-shop.html'), 'utf8')}`;
    const saved = collectPageFacts(new JSDOM(html).window.document, { url: 'file:///home/inspector/saved/good-shop.html' });
    expect(saved.savedFrom).toBe('http://127.0.0.1:4173/audit/good-shop.html');
    expect(collectPageFacts(load('good-shop.html'), { url: 'file:///home/inspector/saved/good-shop.html' }).savedFrom).toBeUndefined();
  });
  it('shows a licence labelled 营业执照号码 in its codes, read by detection, and checks it', () => {
    const doc = new JSDOM(`<body><header class="shop-header"><h1>上海示例贸易</h1><div class="licence"><span>企业名称：上海示例贸易有限公司</span>
      <span>营业执照号码：91310000MA1FL4XQ3L</span></div></header></body>`).window.document;
    const facts = collectPageFacts(doc, { url: 'https://mall.example.com/shop/7' });
    expect(facts.shownCodes.map((c) => c.code)).toEqual(['91310000MA1FL4XQ3L']);
    expect(doc.querySelector(facts.shownCodes[0]!.selector)?.textContent).toBe('营业执照号码：91310000MA1FL4XQ3L');
    expect(doc.querySelector(facts.licence!.selector)?.className).toBe('licence');
    const uscc = evaluate({ facts, marks: [], lists: [], now: '2026-11-21T00:00:00Z' }).find((f) => f.ruleId === 'uscc-valid');
    expect(uscc).toMatchObject({ outcome: 'violation', message: { en: 'USCC 91310000MA1FL4XQ3L: check character wrong (expected A)' } });
  });
  it('keeps a code that fails its check', () => {
    expect(collectPageFacts(load('bad-uscc.html'), { url: url('bad-uscc.html') }).shownCodes[0]!.code).toBe('91110108MA01712M9L');
  });
  it('finds the SAMR 亮照 link and the USCC in its serial', () => {
    const f = collectPageFacts(load('samr-link.html'), { url: url('samr-link.html') });
    expect(f.marks).toMatchObject([{ kind: 'samr', uscc: '91330106673959654P' }]);
  });
  it('reads marks and seals as detection does, keeping a 亮照 serial’s code even when it fails its check', () => {
    const serial = (code: string) => `${code}-SAIC_SHOW_1000091330106673959654P1700000000000`;
    const doc = new JSDOM(`<body><footer>
      <a id="a" href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=${serial('91330106673959654P')}">亮照</a>
      <a id="b" href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?serial=${serial('91110108MA01712M9L')}">亮照</a>
      <a id="c" href="//sh.gsxt.gov.cn/businessCheck/verifKey.do?serial=x">上海亮照</a>
      <a id="d" href="https://ss.knet.cn/verifyseal.dll?sn=e1">可信网站</a>
      <a id="e" href="/go?to=https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do">跳转</a>
      <a id="f" href="https://www.gsxt.gov.cn/">公示系统</a>
      <a id="g" href="https://sh.gsxt.gov.cn/">上海公示系统</a>
    </footer></body>`).window.document;
    const f = collectPageFacts(doc, { url: 'https://shop.example.com/' });
    const id = (selector: string) => doc.querySelector(selector)?.id;
    expect(f.marks.map((m) => [id(m.selector), m.kind, m.uscc])).toEqual([
      ['a', 'samr', '91330106673959654P'], ['b', 'samr', '91110108MA01712M9L'], ['c', 'samr', undefined], ['d', 'other', undefined],
    ]);
    // A 亮照 link is not a query window; the 公示系统 homepage is; a host core/data/query-sites does not list is not.
    expect(f.queryWindows.map((q) => [id(q.selector), q.target])).toEqual([['f', 'gsxt']]);
  });
  it('tells a platform homepage by its canonical address and query links', () => {
    const f = collectPageFacts(load('home-missing.html'), { url: url('home-missing.html') });
    expect(f.pageKind).toBe('platform-home');
    expect(f.queryWindows.map((q) => q.target)).toEqual(['creditchina']);
    expect(collectPageFacts(load('home-ok.html'), { url: url('home-ok.html') }).queryWindows.map((q) => q.target).sort()).toEqual(['creditchina', 'gsxt', 'xinbiao-query']);
  });
  it('an individual seller page is a shop page with its cue', () => {
    const f = collectPageFacts(load('individual-undeclared.html'), { url: url('individual-undeclared.html') });
    expect(f.pageKind).toBe('shop');
    expect(f.individualSeller).toBeDefined();
    expect(f.selfDeclaration).toBeUndefined();
  });
  it('a page kind option wins over the guess', () => {
    expect(collectPageFacts(load('home-ok.html'), { url: url('home-ok.html'), pageKind: 'other' }).pageKind).toBe('other');
  });
  it('without boxes the prominence rule asks a person to look', () => {
    const facts = collectPageFacts(load('good-shop.html'), { url: url('good-shop.html') });
    const f = evaluate({ facts, marks: [], lists: [], now: '2026-11-21T00:00:00Z' }).find((x) => x.ruleId === 'licence-prominent');
    expect(f?.outcome).toBe('needs-review');
  });
  it('boxes measured for the box targets are set on the licence, marks and standard positions', () => {
    const read = collectPageFacts(load('good-shop.html'), { url: url('good-shop.html'), viewport: { width: 1280, height: 800 } });
    const targets = boxTargets(read);
    expect(targets).toEqual([read.licence!.selector, read.marks[0]!.selector, ...read.standardPositions.map((p) => p.selector)]);
    const f = withBoxes(read, targets, targets.map((_, i) => (i === 0 ? { x: 1, y: 2, width: 3, height: 4 } : null)));
    expect(f.licence?.box).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    // An element the browser did not find is not visible there.
    expect(f.marks[0]!.box).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    expect(read.licence?.box).toBeUndefined();
  });
});

describe('collectPageFacts leaves out names only a copyright line gives', () => {
  it('keeps the labelled licence subject and drops the copyright name under it', () => {
    const doc = new JSDOM(readFileSync(join(FIX, '../pages/licence-copyright-differs.html'), 'utf8')).window.document;
    const f = collectPageFacts(doc, { url: 'https://mall.example.cn/shop/index/license.html?id=2291' });
    expect(f.subjects.map((s) => [s.uscc ?? null, s.name ?? null])).toEqual([['91330201MA284E2D7K', '宁波甬优家居用品有限公司']]);
  });
});

