import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { findOnPage } from '../../../extension/runtime/findings';
import { SITES } from '../../../extension/sites';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');
const SAMR = 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&amp;serial=91110105MA003A481G-SAIC_SHOW_10000091110105MA003A481G1618910800838&amp;signData=MEQ';

// What the content script sends the background to look up: a name only a copyright line gives is never sent, so it
// can never make a verdict better (a red list matched by name alone) than the page without it.
describe('findOnPage and copyright-line names', () => {
  it('sends nothing for a page whose only operator name is on its copyright line', () => {
    const { window } = new JSDOM(readFileSync(join(PAGES, 'footer-text-marks.html'), 'utf8'), { url: 'https://tea.example.cn/' });
    expect(findOnPage(window.document, undefined).subjects).toEqual([]);
  });

  it('sends a 亮照 code with the copyright name on its line, so a differing registered name can still warn', () => {
    const { window } = new JSDOM(`<footer><div>安彼迎网络（北京）有限公司 京ICP备16017121号 <a href="${SAMR}">营业执照</a></div></footer>`, { url: 'https://www.example.cn/' });
    expect(findOnPage(window.document, undefined).subjects).toEqual([
      { uscc: '91110105MA003A481G', name: '安彼迎网络（北京）有限公司', source: 'samr-link', confidence: 0.9 },
    ]);
  });
});

describe('detectWithSite and copyright-line names', () => {
  it("keeps the operator the platform's page data names when the copyright line names the same company", () => {
    const html = `<!DOCTYPE html><html><head><script>window.__INIT_DATA={"globalData":{"tempModel":{"companyName":"广州欧博化妆品有限公司"}}}</script></head>
      <body><div class="footer"><p>© 2024 广州欧博化妆品有限公司 粤ICP备00000000号</p></div></body></html>`;
    const { window } = new JSDOM(html, { url: 'https://detail.1688.com/offer/597090034012.html' });
    const site = SITES.find((s) => s.id === '1688')!;
    expect(findOnPage(window.document, site).subjects).toEqual([{ name: '广州欧博化妆品有限公司', source: 'adapter', confidence: 0.6 }]);
  });
});
