import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { detectionToJson, type DetectOptions } from '../../../core/detect';
import { detectOn } from '../../../core/detect/detect';
import { fullScan } from '../../../core/detect/page-text';
import { quickScan } from '../../../core/detect/quick-scan';
import { completeUscc } from '../../../core/identifiers';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const files = readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort();
const jd: DetectOptions = { adapters: [{ id: 'jd', licenceBlock: ['.jLicence'], hoverTitle: ['.J-hove-wrap .name a[title]'], platformBlock: ['#footer-2014'] }] };
const doc = (html: string) => new JSDOM(html).window.document;

/** Findings from the quick read and from the full walk, as JSON. */
function both(d: Document | Element, options: DetectOptions = {}) {
  const quick = quickScan(d);
  expect(quick).not.toBeNull();
  return { quick: detectionToJson(detectOn(d, options, quick!)), full: detectionToJson(detectOn(d, options, fullScan(d))) };
}

describe('quick read of the page', () => {
  it.each(files)('finds what the full walk finds: %s', (file) => {
    const d = doc(readFileSync(join(PAGES, file), 'utf8'));
    for (const options of [{}, jd]) {
      const { quick, full } = both(d, options);
      expect(quick).toEqual(full);
    }
    const part = d.body.lastElementChild!;
    const { quick, full } = both(part);
    expect(quick).toEqual(full);
  });

  it('reads the hover text of an element whose own text starts far before the hit, as the full walk does', () => {
    const d = doc(`<!doctype html><html><body><div title="企业名称：东莞市示例通信科技有限公司 注册号：441900001042573"><p>${'西湖龙井明前特级，'.repeat(40)}</p>
      <p>统一社会信用代码：91990000MA8R2K6T00</p></div></body></html>`);
    const { quick, full } = both(d);
    expect(quick).toEqual(full);
    expect(quick.subjects.map((s) => s.regNo ?? s.uscc)).toEqual(['91990000MA8R2K6T00', '441900001042573']);
  });

  it('steps aside when the page replaced textContent', () => {
    const dom = new JSDOM(readFileSync(join(PAGES, 'hostile.html'), 'utf8'), { runScripts: 'dangerously' });
    expect(quickScan(dom.window.document)).toBeNull();
    dom.window.close();
  });

  it('finds what the full walk finds on generated licence pages (labels, codes, scripts, blocks, spacing)', () => {
    const code = completeUscc('91990000MA2GQ5R37');
    const piece = fc.constantFrom(
      '统一社会信用代码', '企业名称', '注册号', '营业执照号码', '：', ':', ' ', '\n   ', code, code.slice(0, 7), code.slice(7),
      '330200000123454', '杭州杭茗茶业有限公司', '住所', '123456', '商品名称 西湖龙井', '（统一社会信用代码）', 'x'.repeat(90), '　',
      '公司名称', '经营主体名称', '单位名称', '名称', '除', '变更后', '，',
      // Filing numbers as text (one with a zero-width space in its digits) and copyright lines.
      '京ICP证070791号', '浙ICP备1202\u200b2327号-1', '粤公安网备44190002000538号', '京公网安备 1101', '粤B2-20160023', '©', '© 2020 ',
      '版权所有', '技术支持：', '有限公司', '清远市汇业科技有限公司',
    );
    const wrap = fc.constantFrom('', 'span', 'div', 'td', 'p', 'b', 'script', 'style', 'br', 'a', 'iframe');
    const node = fc.tuple(wrap, fc.array(piece, { minLength: 1, maxLength: 4 })).map(([tag, texts]) => {
      const t = texts.join('');
      if (tag === '') return t;
      if (tag === 'br') return `<br>${t}`;
      if (tag === 'a') return `<a href="/shop.html" title="${t}">店铺</a>`;
      if (tag === 'iframe') return `<iframe src="http://wljg.gdgs.gov.cn/lz.ashx?vie=${t.length}"></iframe>${t}`;
      return tag === 'td' ? `<table><tr><td>${t}</td></tr></table>` : `<${tag}>${t}</${tag}>`;
    });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 60 }), (nodes) => {
        const d = doc(`<!DOCTYPE html><html><body>${nodes.join('')}</body></html>`);
        const { quick, full } = both(d);
        expect(quick).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });
});

/** A shop listing page with `cards` product cards; `licenceEverywhere` puts licence text in every card too. */
function listing(cards: number, licenceEverywhere: boolean): string {
  const code = completeUscc('91990000MA2GQ5R37');
  let body = '';
  for (let i = 0; i < cards; i++) {
    body += `<li class="card"><a href="/item/${100000 + i}.html"><img alt="商品${i}"></a><div class="title"><a href="/item/${100000 + i}.html">西湖龙井 ${i} 号 250g</a></div>`;
    body += `<div class="price"><em>${99 + (i % 300)}.00</em></div><span>月销 ${(i * 37) % 5000}</span>`;
    if (licenceEverywhere) body += `<p>企业名称：杭州杭茗茶业第${i}分公司</p><p>统一社会信用代码：${code}</p>`;
    body += '</li>';
  }
  return `<!DOCTYPE html><html><head><title>店铺</title><script>var x = 1;</script></head><body><ul>${body}</ul>
<div class="footer"><p>企业名称：杭州杭茗茶业有限公司</p><p>统一社会信用代码：${code}</p><a href="https://beian.miit.gov.cn/">浙ICP备2026000001号</a></div></body></html>`;
}

describe('detection work grows linearly with the page', () => {
  // Nodes read one by one from script: a page four times larger may cost at most about six times as many.
  it.each([false, true])('quick read and full walk (licence text in every card: %s)', (everywhere) => {
    const small = doc(listing(200, everywhere));
    const large = doc(listing(800, everywhere));
    for (const read of [quickScan, fullScan]) {
      const a = read(small)!.visited;
      const b = read(large)!.visited;
      expect(a).toBeGreaterThan(0);
      expect(b / a).toBeLessThanOrEqual(6);
    }
    expect(detectionToJson(detectOn(large, {}, quickScan(large)!))).toEqual(detectionToJson(detectOn(large, {}, fullScan(large))));
  });

  it('the quick read of a page with its licence only in the footer reads few nodes one by one beyond the links', () => {
    const d = doc(listing(800, false));
    const links = d.getElementsByTagName('a').length;
    expect(quickScan(d)!.visited - links).toBeLessThan(200);
    expect(fullScan(d).visited).toBeGreaterThan(links * 5);
  });

  it('pairs each code with its own name when every card carries one (windowed pairing)', () => {
    let body = '';
    const codes: string[] = [];
    for (let i = 0; i < 300; i++) {
      codes.push(completeUscc(`91330110MA${String(1000000 + i)}`));
      body += `<li><p>企业名称：杭州第${i}茶业有限公司</p><p>统一社会信用代码：${codes[i]}</p><p>${'商品介绍 '.repeat(4 + (i % 7))}</p></li>`;
    }
    const d = doc(`<!DOCTYPE html><html><body><ul>${body}</ul></body></html>`);
    const r = detectOn(d, {}, quickScan(d)!);
    expect(r.subjects).toHaveLength(50);
    for (const s of r.subjects) expect(s.name).toBe(`杭州第${codes.indexOf(s.uscc!)}茶业有限公司`);
    expect(detectionToJson(r)).toEqual(detectionToJson(detectOn(d, {}, fullScan(d))));
  });
});
