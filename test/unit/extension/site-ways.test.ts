import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { SITES } from '../../../extension/sites';
import { licenceUrlOf, readShop } from '../../../extension/sites/read';
import { REAL_PAGES } from '../../support/real-pages';

const ROOT = resolve(import.meta.dirname, '../../..');
const site = (id: string) => SITES.find((s) => s.id === id)!;
const page = (html: string, url = 'https://item.jd.com/100012000001.html') => new JSDOM(html, { url }).window.document;

describe('adapter ways: several independent ways to the shop, tried in order', () => {
  const jdItem = readFileSync(resolve(ROOT, 'test/fixtures/sites/jd/item.html'), 'utf8');

  it('JD item page: the shop link next to 关注店铺 in the crumb bar, the id from pageConfig', () => {
    const r = readShop(page(jdItem), site('jd'), 'https://item.jd.com/100012000001.html');
    expect(r).toMatchObject({ shopName: '鹏城数码旗舰店', shopId: '10001201', operator: null, via: { shopName: 0, shopId: 2 } });
    expect(r.anchor?.closest('#crumb-wrap')).not.toBeNull();
    expect(licenceUrlOf(site('jd'), r.shopId)).toBe('https://mall.jd.com/showLicence-10001201.html');
  });

  it('survives a redesign that renames every class and drops the state object', () => {
    const redesigned = jdItem.replace(/class="[^"]*"/g, 'class="x9f"').replace(/id="[^"]*"/g, '').replace(/<script>[\s\S]*?<\/script>/, '');
    const r = readShop(page(redesigned), site('jd'), 'https://item.jd.com/100012000001.html');
    expect(r.shopName).toBe('鹏城数码旗舰店'); // still the link beside 关注店铺
    expect(r.shopId).toBeNull(); // the fixture's shop link is a local path, not mall.jd.com/index-<id>.html
  });

  it('reads the id from the page address on shop and licence pages', () => {
    const cases: [string, string][] = [['https://mall.jd.com/index-1000001414.html', '1000001414'], ['https://shop.m.jd.com/?shopId=195980', '195980'],
      ['https://mall.jd.com/showLicence-649114.html', '649114']];
    for (const [url, id] of cases) {
      expect(readShop(page('<p>店铺</p>', url), site('jd'), url).shopId).toBe(id);
    }
  });

  it('page data that lies or is not a name changes nothing', () => {
    const lying = '<script>var _DATA_Detail = {"seller":{"shopName":"<img src=x onerror=alert(1)>","shopId":"1; DROP"}};</script>';
    const r = readShop(page(lying, 'https://detail.m.tmall.com/item.htm?id=1'), site('tmall'), 'https://detail.m.tmall.com/item.htm?id=1');
    expect(r.shopName).toBeNull();
    expect(r.shopId).toBe('1'); // the digits the pattern allows, nothing after them
  });

  it("real 2015 JD page: the 进入店铺 link's block gives the shop name, its address the id", () => {
    const bytes = readFileSync(resolve(REAL_PAGES, 'jd-item-airmate-2015-gbk.html'));
    const html = new TextDecoder('gbk').decode(bytes).replace(/var pageConfig[\s\S]*?};/, '');
    const r = readShop(page(html, 'https://item.jd.com/595936.html'), site('jd'), 'https://item.jd.com/595936.html');
    expect(r).toMatchObject({ shopName: '艾美特生活电器旗舰店', shopId: '1000001414', via: { shopName: 0, shopId: 3 } });
  });
});
