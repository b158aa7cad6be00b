import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { collectPageFacts } from '../../../core/audit';
import { detect, detectionToJson } from '../../../core/detect';
import { copyrightNames, textMarks } from '../../../core/detect/labels';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const load = (name: string) => new JSDOM(readFileSync(join(PAGES, name), 'utf8')).window.document;
const page = (body: string) => new JSDOM(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`).window.document;
const subjectsOf = (d: Document) => detect(d).subjects.map((s) => [s.uscc, s.regNo, s.name, s.sources, s.role, s.confidence]);
const SAMR = 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&amp;serial=91110105MA003A481G-SAIC_SHOW_10000091110105MA003A481G1618910800838&amp;signData=MEQ';

describe('filing numbers written as text (labels.ts TEXT_MARKS)', () => {
  it('reads ICP备 / ICP证, 公网安备 / 公安网备 and telecom licences, without spaces and invisible characters', () => {
    const text = '©️ meituan.com 京ICP证070791号 京公网安备 1101\u200b0502\u200d025545号 粤公安网备44190002000538号 ICP经营许可证：粤B2-20160023 京ICP备１６０１７１２１号-3';
    expect(textMarks(text).map((m) => [m.kind, m.serial])).toEqual([
      ['icp', '京ICP证070791号'],
      ['police-beian', '京公网安备11010502025545号'],
      ['police-beian', '粤公安网备44190002000538号'],
      ['telecom-licence', '粤B2-20160023'],
      ['icp', '京ICP备16017121号-3'],
    ]);
  });

  it('needs a province abbreviation and, for 公安备案, all 14 digits', () => {
    expect(textMarks('ICP备12345678号 XICP备12345678号 京公网安备1101050202554号 京ICP备号')).toEqual([]);
  });
});

describe('company names on a copyright line', () => {
  const names = (text: string) => copyrightNames(text, textMarks(text)).map((n) => n.name);

  it('reads the name after ©, before a filing number, and without a year or 版权所有 glued to it', () => {
    expect(names('© 2020 清远市汇业科技有限公司')).toEqual(['清远市汇业科技有限公司']);
    expect(names('步步高教育电子有限公司 \u00a0粤ICP备05094317号-6')).toEqual(['步步高教育电子有限公司']);
    expect(names('©2020安彼迎网络（北京）有限公司')).toEqual(['安彼迎网络（北京）有限公司']);
    expect(names('版权所有杭州云栖茶业有限责任公司')).toEqual(['杭州云栖茶业有限责任公司']);
    expect(names('杭州云栖茶业有限公司版权所有')).toEqual(['杭州云栖茶业有限公司']);
  });

  it('is not the builder, a branch, a sentence, a brand or a name far from the line', () => {
    expect(names('© 2024 云栖茶舍 技术支持：杭州云栖建站有限公司')).toEqual([]);
    expect(names('© 2024 Powered by 杭州云栖建站有限公司')).toEqual([]);
    expect(names('© 2024 杭州云栖茶业有限公司北京分公司')).toEqual([]);
    expect(names('© 2024 OPPO 版权所有 粤ICP备14056724号-2')).toEqual([]);
    expect(names(`杭州云栖茶业有限公司${' '.repeat(120)}© 2024`)).toEqual([]);
  });
});

describe('detect: text marks, copyright names and mark iframes', () => {
  it('a made-up ICP number beside a real company name: a plain-text mark and a weak name, nothing more', () => {
    const d = load('footer-text-marks.html');
    const r = detectionToJson(detect(d));
    expect(r.marks.map((m) => [m.kind, m.href, m.serial, m.uscc])).toEqual([
      // The 红盾 mark drawn in an iframe counts; the ad iframe and the credit portal iframe do not.
      ['gdgs', 'http://wljg.gdgs.gov.cn/lz.ashx?vie=5EAC3E2D72F627064D56593033086B33', null, null],
      ['icp', null, '浙ICP备00000000号-1', null],
      // Zero-width spaces inside the digits are not part of the number.
      ['police-beian', null, '京公网安备11010502025545号', null],
    ]);
    expect(r.queryWindows).toEqual([]);
    // The builder after 技术支持 is no subject; the copyright name is the weakest source, with no code.
    expect(r.subjects.map((s) => [s.uscc, s.name, s.source, s.confidence])).toEqual([[null, '阿里云计算有限公司', 'copyright', 0.2]]);
    // The audit reads no mark from text: a number the page writes is no licence and no seal.
    const facts = collectPageFacts(d, { url: 'https://tea.example.cn/' });
    expect(facts.marks).toEqual([]);
  });

  it('a copyright name differing from the labelled licence name: the licence name keeps the code and comes first', () => {
    expect(subjectsOf(load('licence-copyright-differs.html'))).toEqual([
      ['91330201MA284E2D7K', null, '宁波甬优家居用品有限公司', ['label'], 'shop', 0.8],
      [null, null, '宁波甬优电子商务集团有限公司', ['copyright'], 'shop', 0.2],
      [null, null, '杭州商城网络科技有限公司', ['copyright'], 'platform', 0.2],
    ]);
  });

  it('names the code of a 亮照 link on its line, without raising its confidence; not across lines or between two codes', () => {
    const line = page(`<footer><div>安彼迎网络（北京）有限公司 京ICP备16017121号 <a href="${SAMR}"><span>营业执照</span></a></div></footer>`);
    expect(subjectsOf(line)).toEqual([['91110105MA003A481G', null, '安彼迎网络（北京）有限公司', ['samr-link', 'copyright'], 'shop', 0.9]]);

    const apart = page(`<footer><p>© 2024 安彼迎网络（北京）有限公司</p><p><a href="${SAMR}">营业执照</a></p></footer>`);
    expect(subjectsOf(apart)).toEqual([
      ['91110105MA003A481G', null, null, ['samr-link'], 'shop', 0.9],
      [null, null, '安彼迎网络（北京）有限公司', ['copyright'], 'shop', 0.2],
    ]);

    const two = page(`<footer><div>© 2024 安彼迎网络（北京）有限公司 <a href="${SAMR}">营业执照</a>
      <a href="http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441802000176445">红盾</a></div></footer>`);
    expect(subjectsOf(two).map((s) => s[2])).toEqual([null, null, '安彼迎网络（北京）有限公司']);
  });

  it('a picture of a licence behind its number is a licence-image mark; a number inside a registry link is that link', () => {
    const d = page(`<div class="state">
      <a href="http://beian.miit.gov.cn/">京ICP备16017121号</a>
      <a href="https://z1.muscache.cn/pictures/carson/original/7c3906bf.png">京ICP证 160773号</a>
      <a href="/about.html">京公网安备 11010502032345号</a></div>`);
    expect(detect(d).marks.map((m) => [m.kind, m.href, m.serial])).toEqual([
      ['icp', 'http://beian.miit.gov.cn/', '京ICP备16017121号'],
      ['licence-image', 'https://z1.muscache.cn/pictures/carson/original/7c3906bf.png', '京ICP证160773号'],
      ['police-beian', null, '京公网安备11010502032345号'],
    ]);
  });

  it('an iframe counts only when its src is in the marks table', () => {
    const d = page(`<div class="footer"><iframe src="https://www.example.com/lz.ashx?vie=1"></iframe>
      <iframe src="https://www.creditchina.gov.cn/"></iframe><iframe src="javascript:alert(1)"></iframe>
      <iframe src="http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441802000176445" title="企业名称：清远市汇业科技有限公司"></iframe></div>`);
    const r = detect(d);
    expect(r.marks.map((m) => [m.kind, m.serial])).toEqual([['gdgs', '441802000176445']]);
    expect(r.queryWindows).toEqual([]);
    expect(subjectsOf(d)).toEqual([[null, '441802000176445', '清远市汇业科技有限公司', ['samr-link'], 'shop', 0.9]]);
  });
});
