import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detect, detectionToJson, type DetectOptions, type SiteDetectAdapter } from '../../../core/detect';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const load = (name: string) => new JSDOM(readFileSync(join(PAGES, name), 'utf8')).window.document;
const run = (name: string, options?: DetectOptions) => detect(load(name), options);
const brief = (name: string, options?: DetectOptions) =>
  run(name, options).subjects.map((s) => ({ uscc: s.uscc, regNo: s.regNo, name: s.name, source: s.source, checksum: s.checksum, role: s.role }));

const jd: SiteDetectAdapter = {
  id: 'jd',
  licenceBlock: ['.jLicence'],
  hoverTitle: ['.J-hove-wrap .name a[title]'],
  shopName: ['.shop-head .shop-name', '.J-hove-wrap .name a'],
  platformBlock: ['#footer-2014'],
};

describe('detect: platform licence pages', () => {
  it('Tmall 资质 page: 企业注册号 holds the USCC; the footer licence is the platform’s', () => {
    expect(brief('tmall-qualification.html')).toEqual([
      { uscc: '91330201MA284E2D7K', regNo: null, name: '宁波甬优家居用品有限公司', source: 'label', checksum: 'ok', role: 'shop' },
      { uscc: '91990000MA27X9T30Y', regNo: null, name: null, source: 'samr-link', checksum: 'ok', role: 'platform' },
    ]);
  });

  it('JD licence page: 公司名称 and the code in separate spans; with the adapter the block counts as its extraction', () => {
    const generic = run('jd-licence.html');
    expect(generic.subjects[0]).toMatchObject({ uscc: '91990000MA01R7GX6A', name: '北京优品汇科技有限公司', source: 'label', role: 'shop', label: '营业执照注册号' });
    expect(generic.subjects[0]!.element?.textContent).toBe('91990000MA01R7GX6A');
    expect(generic.subjects[1]).toMatchObject({ uscc: '91990000MA00D8K58G', role: 'platform' });
    const adapted = run('jd-licence.html', { adapters: [jd] });
    expect(adapted.subjects[0]).toMatchObject({ uscc: '91990000MA01R7GX6A', source: 'adapter' });
    expect(adapted.subjects[0]!.confidence).toBeGreaterThan(generic.subjects[0]!.confidence);
    expect(adapted.shopName).toBe('优品汇数码专营店');
    expect(generic.shopName).toBeNull();
  });

  it('JD item page: the hover title names the operator; the adapter marks it as its own', () => {
    expect(brief('jd-item.html')).toEqual([
      { uscc: '91990000MA01R7GX6A', regNo: null, name: '北京优品汇科技有限公司', source: 'label', checksum: 'ok', role: 'shop' },
    ]);
    const adapted = run('jd-item.html', { adapters: [jd] });
    expect(adapted.subjects).toHaveLength(1);
    expect(adapted.subjects[0]).toMatchObject({ source: 'adapter', label: '企业执照注册号' });
    expect(adapted.subjects[0]!.element?.getAttribute('clstag')).toMatch(/dianpu/);
  });

  it('B2B2C licence template: code split across elements in a th/td row; the shop outranks the platform footer', () => {
    const r = run('b2b2c-license.html');
    expect(brief('b2b2c-license.html')).toEqual([
      { uscc: '91990000MA3C5N2W8G', regNo: null, name: '青岛鲜达海产品有限公司', source: 'label', checksum: 'ok', role: 'shop' },
      { uscc: '91990000MA3C7T0L2N', regNo: null, name: null, source: 'samr-link', checksum: 'ok', role: 'platform' },
    ]);
    expect(r.subjects[1]!.sources).toEqual(['samr-link', 'label']);
  });
});

describe('detect: generic pages', () => {
  it('half-width colons, a 15-digit 注册号, a labelled code failing its check, bare codes', () => {
    expect(brief('generic-licence.html')).toEqual([
      { uscc: '92990000MA1P2Q8E9B', regNo: null, name: '连云港海州茶庄个体工商户', source: 'label', checksum: 'ok', role: 'shop' },
      { uscc: null, regNo: '330200000123454', name: null, source: 'label', checksum: 'ok', role: 'shop' },
      { uscc: '91110108MA01712M9L', regNo: null, name: '连云港速达仓储有限公司', source: 'label', checksum: 'mismatch', role: 'shop' },
    ]);
    const [first, , mismatch] = run('generic-licence.html').subjects;
    expect(first!.sources).toEqual(['label', 'bare-code']);
    expect(mismatch!.confidence).toBeLessThan(0.5);
  });

  it('never reports a bare code that fails its check', () => {
    const all = run('generic-licence.html').subjects.map((s) => s.uscc);
    expect(all).not.toContain('91350100M0001TGQXM');
    expect(run('tmall-qualification.html').subjects.map((s) => s.uscc)).not.toContain('91110108MA01712M9L');
  });

  it('JSON-LD Organization: taxID and legalName', () => {
    expect(brief('json-ld.html')).toEqual([
      { uscc: '91990000MA2GQ5R37J', regNo: null, name: '杭州杭茗茶业有限公司', source: 'json-ld', checksum: 'ok', role: 'shop' },
    ]);
  });

  it('a signed mark outranks the licence text that agrees with it', () => {
    const r = run('xinbiao-mark.html');
    expect(brief('xinbiao-mark.html')).toEqual([
      { uscc: '91990000MA1N4X7B6D', regNo: null, name: '连云港海州鲜果园食品有限公司', source: 'mark', checksum: 'ok', role: 'shop' },
      { uscc: '91990000MA5G2K8N5W', regNo: null, name: '深圳演示商城网络科技有限公司', source: 'label', checksum: 'ok', role: 'platform' },
    ]);
    expect(r.subjects[0]!.sources).toEqual(['mark', 'label']);
    expect(r.subjects[0]!.confidence).toBeGreaterThan(0.95);
    expect(r.marks).toHaveLength(1);
    expect(r.marks[0]).toMatchObject({ kind: 'xinbiao-mark' });
    expect(r.marks[0]!.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('works on an element as root and on an empty document', () => {
    const doc = load('b2b2c-license.html');
    const shopOnly = detect(doc.querySelector('.license-wrap')!);
    expect(shopOnly.subjects.map((s) => s.uscc)).toEqual(['91990000MA3C5N2W8G']);
    const empty = detect(new JSDOM('').window.document);
    expect(empty).toEqual({ subjects: [], marks: [], queryWindows: [], fields: [], cues: [], shopName: null });
  });
});

describe('detect: marks and query windows', () => {
  it('SAMR 亮照 link with the real example: USCC and issue time; ICP, 公安备案, knet and cecdc seals', () => {
    const r = detectionToJson(run('samr-link.html'));
    expect(r.subjects).toMatchObject([{ uscc: '91330106673959654P', source: 'samr-link', role: 'shop' }]);
    expect(r.marks.map((m) => [m.kind, m.uscc, m.issuedAt, m.serial])).toEqual([
      ['icp', null, null, '浙ICP备12022327号-1'],
      ['police-beian', null, null, '33010602009975'],
      ['samr', '91330106673959654P', '2019-08-08T07:14:20.894Z', '91330106673959654P-SAIC_SHOW_10000091330106673959654P1565248460894'],
      ['knet', null, null, 'e15101311010060875bbzy000000'],
      ['cecdc', null, null, 'CX20150626010878010620'],
    ]);
  });

  it('old SAMR serials, the Shanghai variant, a failing code, 上海工商 licenceView and szfw', () => {
    const r = run('samr-variants.html');
    expect(r.marks.map((m) => [m.kind, m.uscc, m.variant, m.issuedAt])).toEqual([
      ['samr', null, 'national', '2019-06-10T03:00:00.000Z'],
      ['samr', '91990000MA1FL3W5XK', 'shanghai', '2020-05-12T08:00:00.000Z'],
      ['samr', null, 'national', '2020-09-13T12:26:40.000Z'],
      ['sgs-licence', null, null, null],
      ['szfw', null, null, null],
    ]);
    expect(r.marks[3]!.serial).toBe('20120305160124387');
    // The copyright line names a company in its own paragraph, apart from the marks: a weak name of its own, last.
    expect(r.subjects.map((s) => [s.uscc, s.name, s.source])).toEqual([
      ['91990000MA1FL3W5XK', null, 'samr-link'],
      [null, '上海申城生活信息科技有限公司', 'copyright'],
    ]);
  });

  it('query windows: every listed credit site and the <xinbiao-query> element, not the SAMR link', () => {
    const r = run('platform-home.html');
    expect(r.queryWindows.map((q) => q.site ?? q.kind)).toEqual([
      'creditchina', 'gsxt', 'credit-jiangsu', 'credit-lianyungang', 'credit-dalian', 'credit-shanghai', 'credit-zhejiang',
      'credit-guangdong', 'credit-beijing', 'xinbiao-query',
    ]);
    expect(r.queryWindows[0]).toMatchObject({ kind: 'link', name: '信用中国', region: '全国' });
    expect(r.marks.map((m) => m.kind)).toEqual(['samr', 'icp']);
  });
});
