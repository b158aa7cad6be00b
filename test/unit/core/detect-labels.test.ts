import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detect } from '../../../core/detect';
import { labelledFields } from '../../../core/detect/labels';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const USCC = '91990000MA8R2K6T00';
const fields = (text: string, starts?: number[]) => labelledFields(text, starts).map((f) => [f.label, f.value]);
const subjectsOf = (html: string) =>
  detect(new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document).subjects.map((s) => [s.uscc, s.name]);

describe('labels in sentences are not labels', () => {
  it.each([
    '以上营业执照信息，除企业名称通过认证之外，其余信息由卖家自行申报填写。',
    '请核对统一社会信用代码是否一致，如不一致请勿下单。',
    '企业名称变更后，商家须在 15 日内更新公示信息。',
    '个体工商户的注册号为 15 位数字，2016 年后统一换发为统一社会信用代码。',
    '公司名称相同的店铺不一定属于同一经营者，经营主体名称以营业执照为准。',
    '统一社会信用代码是营业执照上的18位代码，注册号是旧版执照的号码',
    `请确认店铺的企业名称 与营业执照一致，核对信用代码 ${USCC}`,
  ])('%s', (sentence) => {
    expect(fields(sentence)).toEqual([]);
    expect(fields(`\n${sentence}\n`, [1])).toEqual([]);
  });

  it('a label in its own inline element inside a sentence stays prose', () => {
    expect(subjectsOf('<p>请确认<b>企业名称</b>与营业执照上的名称一致</p>')).toEqual([]);
  });
});

describe('labels as platforms write them', () => {
  it('followed by a half- or full-width colon, with or without a note, anywhere in the text', () => {
    expect(fields(`平台运营：企业名称：杭州示例优品商贸有限公司　统一社会信用代码:${USCC}`)).toEqual([
      ['企业名称', '杭州示例优品商贸有限公司'], ['统一社会信用代码', USCC],
    ]);
    expect(fields(`企业注册号（统一社会信用代码） ： ${USCC}`)).toEqual([['企业注册号', USCC]]);
  });

  it('standing alone as a word: a space or a line break on both sides', () => {
    expect(fields(`营业执照 北京京东叁佰陆拾度电子商务有限公司 统一社会信用代码 ${USCC}`)).toEqual([['统一社会信用代码', USCC]]);
    expect(fields(`企业名称\n厦门鹭岛茶仓商贸有限公司\n统一社会信用代码\n${USCC}`)).toEqual([
      ['企业名称', '厦门鹭岛茶仓商贸有限公司'], ['统一社会信用代码', USCC],
    ]);
  });

  it('alone in its own element with the value in the next one (text node boundaries)', () => {
    expect(fields('企业名称厦门鹭岛茶仓商贸有限公司', [0, 4])).toEqual([['企业名称', '厦门鹭岛茶仓商贸有限公司']]);
    expect(fields('企业名称厦门鹭岛茶仓商贸有限公司', [0])).toEqual([]);
    expect(subjectsOf(`<div><span>企业名称</span><span>厦门鹭岛茶仓商贸有限公司</span></div><div><span>统一社会信用代码</span><span>${USCC}</span></div>`))
      .toEqual([[USCC, '厦门鹭岛茶仓商贸有限公司']]);
  });

  it('a code label may run straight into the code; a name label may not run into the name', () => {
    expect(fields(`统一社会信用代码${USCC}`)).toEqual([['统一社会信用代码', USCC]]);
    expect(fields('企业名称厦门鹭岛茶仓商贸有限公司')).toEqual([]);
  });
});

describe('hover titles', () => {
  const title = `企业名称：厦门鹭岛茶仓商贸有限公司 企业执照注册号：${USCC} 企业地址：厦门市思明区`;

  it('are read on links anywhere; on other elements where the page text around them is read, or where an adapter points', () => {
    expect(subjectsOf(`<div class="name"><a href="/shop.html" title="${title}">鹭岛茶仓旗舰店</a></div>`)).toEqual([[USCC, '厦门鹭岛茶仓商贸有限公司']]);
    // A shop name with nothing detection looks for around it: its title is read when the whole page is (audit cues).
    const html = `<!doctype html><html><body><span class="shop" title="${title}">鹭岛茶仓旗舰店</span></body></html>`;
    expect(detect(new JSDOM(html).window.document).subjects).toEqual([]);
    expect(detect(new JSDOM(html).window.document, { cues: true }).subjects.map((s) => [s.uscc, s.source])).toEqual([[USCC, 'label']]);
    const adapted = detect(new JSDOM(html).window.document, { adapters: [{ id: 'x', hoverTitle: ['span.shop'] }] });
    expect(adapted.subjects.map((s) => [s.uscc, s.source])).toEqual([[USCC, 'adapter']]);
  });

  it('a licence icon whose image carries the hover text, in a footer beside the filing number', () => {
    // The shape of a Guangdong 红盾 footer link (key = 注册号), with the operator in the icon's title instead of the link's.
    const footer = `<div class="footer"><p>© 2005 - 2018 示例通信 版权所有 <a href="https://beian.miit.gov.cn/">粤ICP备14056724号-2</a>
      <a href="http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441900001042573" target="_blank"><img src="/img/gs.png" title="企业名称：东莞市示例通信科技有限公司
      法定代表人：陈某
      标识状态：已激活 粤工商备P191703000418"></a></p></div>`;
    const page = `<!doctype html><html><body><div class="content"><h1>示例通信官方商城</h1><ul>${'<li><a href="/item/1.html">手机</a></li>'.repeat(50)}</ul></div>${footer}</body></html>`;
    for (const cues of [false, true]) {
      const found = detect(new JSDOM(page).window.document, { cues }).subjects.map((s) => [s.regNo, s.name]);
      expect(found).toEqual([['441900001042573', '东莞市示例通信科技有限公司']]);
    }
  });

  it('an icon outside any link whose title names the operator, beside the copyright line', () => {
    const footer = `<div class="footer"><p><span title="企业名称：东莞市示例通信科技有限公司 注册号：441900001042573"><img src="/img/licence.png" alt="电子营业执照"></span>
      © 2005 - 2018 示例通信 版权所有 <a href="https://beian.miit.gov.cn/">粤ICP备14056724号-2</a></p></div>`;
    const page = `<!doctype html><html><body><div class="content"><h1>示例通信官方商城</h1><ul>${'<li><a href="/item/1.html">手机</a></li>'.repeat(50)}</ul></div>${footer}</body></html>`;
    for (const cues of [false, true]) {
      const found = detect(new JSDOM(page).window.document, { cues }).subjects.map((s) => [s.regNo, s.name, s.source]);
      expect(found).toEqual([['441900001042573', '东莞市示例通信科技有限公司', 'label']]);
    }
  });

  it("an icon's title names a mark link's operator when it is among the link's first 16 nodes, and is not looked for further", () => {
    const key = 'http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441900001042573';
    const icon = '<img src="/img/gs.png" title="企业名称：东莞市示例通信科技有限公司">';
    // Nested links holding thousands of nodes would otherwise be searched whole, once per link.
    expect(subjectsOf(`<a href="${key}"><i></i>${icon}</a>`).map(([, name]) => name)).toEqual(['东莞市示例通信科技有限公司']);
    expect(subjectsOf(`<a href="${key}">${'<i></i>'.repeat(20)}${icon}</a>`).map(([, name]) => name)).toEqual([null]);
  });

  it('on SVG links too (no title property)', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><a href="/shop.html" title="${title}"><text>店</text></a></svg>`;
    expect(subjectsOf(svg)).toEqual([[USCC, '厦门鹭岛茶仓商贸有限公司']]);
  });
});

describe('a page of help text around the licence', () => {
  it('gives the licence and nothing from the sentences', () => {
    const doc = new JSDOM(readFileSync(join(PAGES, 'prose-labels.html'), 'utf8')).window.document;
    const r = detect(doc);
    expect(r.subjects.map((s) => ({ uscc: s.uscc, name: s.name, source: s.source, role: s.role }))).toEqual([
      { uscc: USCC, name: '厦门鹭岛茶仓商贸有限公司', source: 'label', role: 'shop' },
    ]);
    expect(r.subjects[0]!.element?.localName).toBe('dd');
  });
});
