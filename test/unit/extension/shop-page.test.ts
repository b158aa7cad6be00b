// idb's wrappers check for the IndexedDB classes as globals.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { findOnPage, scanPage } from '../../../extension/runtime/findings';
import { readOnText } from '../../../extension/runtime/BadgeApp';
import { SITES } from '../../../extension/sites';
import { annotateShop, OPERATOR_UNKNOWN, shopOfPage, withShopMemory } from '../../../extension/background/shop-page';
import { openShopMemory } from '../../../extension/background/shop-memory';
import type { PageReport } from '../../../extension/platform/schemas';
import type { Req } from '../../../extension/platform/protocol';

const CODE = '91990000MA1N8K024W';
const OTHER = '91990000MA2H7Q013E';
const NAME = '连云港示例守信电子商务有限公司';
const jd = (id: string) => ({ site: 'jd', id });
const page = (subjects: Req<'content:page'>['subjects'], id = '10001201'): Req<'content:page'> => ({ url: 'https://item.jd.com/1.html', subjects, marks: [], shop: jd(id) });

describe('which page may write the shop memory (hostile pages)', () => {
  it("the shop's licence page writes as 'licence', a page whose address carries the id as 'page'", () => {
    expect(shopOfPage(jd('10001201'), 'https://mall.jd.com/showLicence-10001201.html?x=1')).toMatchObject({
      id: '10001201', writes: 'licence', path: 'mall.jd.com/showLicence-10001201.html', licenceUrl: 'https://mall.jd.com/showLicence-10001201.html',
    });
    expect(shopOfPage(jd('10001201'), 'https://mall.jd.com/index-10001201.html')).toMatchObject({ writes: 'page', path: 'mall.jd.com/index-10001201.html' });
    expect(shopOfPage(jd('195980'), 'https://shop.m.jd.com/?shopId=195980')).toMatchObject({ writes: 'page', path: 'shop.m.jd.com/' });
  });

  it('an item page may read by the id it shows, never write', () => {
    expect(shopOfPage(jd('10001201'), 'https://item.jd.com/100012000001.html')).toMatchObject({ writes: null, licenceUrl: 'https://mall.jd.com/showLicence-10001201.html' });
    // The recorded pages on localhost carry no shop id in their address either.
    expect(shopOfPage(jd('10001201'), 'http://127.0.0.1:4173/sites/jd/licence.html')).toMatchObject({ writes: null });
  });

  it("a page of shop A that claims shop B's id may not write B", () => {
    expect(shopOfPage(jd('20002'), 'https://mall.jd.com/index-10001201.html')).toMatchObject({ id: '20002', writes: null });
    expect(shopOfPage(jd('20002'), 'https://mall.jd.com/showLicence-10001201.html')).toMatchObject({ writes: null });
  });

  it("an address that only mentions another shop's id (a query of an item page, a fragment, a repeated parameter) may not write it", () => {
    // A link anyone can send: the victim's id rides on a page the attacker controls.
    expect(shopOfPage({ site: 'pinduoduo', id: '354267' }, 'https://mobile.yangkeduo.com/goods.html?goods_id=100&mall_id=354267')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: '1688', id: 'b2b-1641351767' }, 'https://detail.1688.com/offer/1.html?memberId=b2b-1641351767')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/product/item2?id=1&r=/views/shop/index?id=13939925088')).toMatchObject({ writes: null });
    expect(shopOfPage(jd('20002'), 'https://shop.m.jd.com/?shopId=195980#&shopId=20002')).toMatchObject({ writes: null });
    expect(shopOfPage(jd('20002'), 'https://shop.m.jd.com/?shopId=195980&shopId=20002')).toMatchObject({ writes: null });
    expect(shopOfPage(jd('20002'), 'https://shop.m.jd.com/?shopId=195980&from=x?shopId=20002')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'pinduoduo', id: '2' }, 'https://mobile.yangkeduo.com/mall_page.html?mall_id=1#mall_id=2')).toMatchObject({ writes: null });
    // The shops' own pages still write (real addresses, ../shared/real-pages/urls.txt).
    expect(shopOfPage({ site: 'pinduoduo', id: '354267' }, 'http://mobile.yangkeduo.com/mall_page.html?mall_id=354267&msn=3oqyia2xo7wgeyrbikytq2injm_axbuy')).toMatchObject({ writes: 'page' });
    expect(shopOfPage({ site: '1688', id: 'b2b-1641351767' }, 'https://winport.m.1688.com/page/index.html?memberId=b2b-1641351767')).toMatchObject({ writes: 'page' });
    expect(shopOfPage({ site: '1688', id: 'b2b-22165305319342b' }, 'https://m.1688.com/winport/b2b-22165305319342b.html')).toMatchObject({ writes: 'page' });
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/shop/index?id=13939925088')).toMatchObject({ writes: 'page' });
  });

  it("the licence link is built from the adapter, never taken from the message; another platform's id counts for nothing", () => {
    expect(shopOfPage({ ...jd('10001201'), licenceUrl: 'https://evil.example/showLicence-10001201.html' }, 'https://item.jd.com/1.html')?.licenceUrl)
      .toBe('https://mall.jd.com/showLicence-10001201.html');
    expect(shopOfPage({ site: 'tmall', id: '10001201' }, 'https://mall.jd.com/index-10001201.html')).toBeNull();
    expect(shopOfPage({ site: 'nope', id: '1' }, 'https://mall.jd.com/index-1.html')).toBeNull();
    expect(shopOfPage(jd('10001201'), undefined)).toBeNull();
    // Tmall has no licence page addressable by id: no link.
    expect(shopOfPage({ site: 'tmall', id: '123' }, 'https://shop123.taobao.com/')).toMatchObject({ writes: 'page', licenceUrl: null });
  });
});

describe('the memory on the report path', () => {
  const report = (subjects: PageReport['subjects'] = []): PageReport => ({ url: 'https://item.jd.com/1.html', at: '2026-11-30T10:00:00.000Z', subjects });
  const at = Date.UTC(2026, 10, 30, 9);

  it('licence page → item page of the same shop: the item page gets the remembered operator, with where and when', async () => {
    const mem = await openShopMemory(new IDBFactory(), { now: () => at });
    const licence = shopOfPage(jd('10001201'), 'https://mall.jd.com/showLicence-10001201.html');
    const written = await withShopMemory(page([{ uscc: CODE, name: NAME, source: 'label', confidence: 0.9 }]), licence, mem);
    expect(written.remembered).toBeNull(); // the page names its own operator
    const item = shopOfPage(jd('10001201'), 'https://item.jd.com/100012000002.html');
    const { req, remembered } = await withShopMemory(page([]), item, mem);
    expect(req.subjects).toEqual([{ uscc: CODE, name: NAME, source: 'memory', confidence: 0.4 }]);
    const subject = { key: `uscc:${CODE}`, uscc: CODE, name: NAME, source: 'memory', level: 'good' as const, reasons: [], marks: [] };
    expect(annotateShop(report([subject]), item, remembered).subjects).toEqual([{
      ...subject, licenceUrl: 'https://mall.jd.com/showLicence-10001201.html',
      readOn: { kind: 'licence', path: 'mall.jd.com/showLicence-10001201.html', at: '2026-11-30T09:00:00.000Z' },
    }]);
  });

  it("the page's own operator wins over the memory, and a page that may not write leaves the memory as it was", async () => {
    const mem = await openShopMemory(new IDBFactory(), { now: () => at });
    await mem.remember({ site: 'jd', id: '10001201', uscc: CODE, name: NAME, kind: 'licence', path: 'mall.jd.com/showLicence-10001201.html' });
    const item = shopOfPage(jd('10001201'), 'https://item.jd.com/100012000002.html');
    const own = [{ uscc: OTHER, name: '另一家有限公司', source: 'label', confidence: 0.9 }];
    const { req, remembered } = await withShopMemory(page(own), item, mem);
    expect(req.subjects).toEqual(own);
    expect(remembered).toBeNull();
    expect((await mem.recall('jd', '10001201'))?.uscc).toBe(CODE);
  });

  it('a shop page with no operator and nothing remembered: one unknown subject, linking the licence page where the adapter has one', async () => {
    const mem = await openShopMemory(new IDBFactory(), { now: () => at });
    const item = shopOfPage(jd('30003'), 'https://item.jd.com/100012000003.html');
    const { req, remembered } = await withShopMemory(page([], '30003'), item, mem);
    expect(req.subjects).toEqual([]);
    expect(annotateShop(report(), item, remembered).subjects).toEqual([{
      key: 'shop:jd:30003', name: '', source: 'shop-id', level: 'unknown', reasons: [OPERATOR_UNKNOWN], marks: [],
      licenceUrl: 'https://mall.jd.com/showLicence-30003.html',
    }]);
    // An adapter without a licence page address (Tmall): still "not known yet", with no link.
    expect(annotateShop(report(), shopOfPage({ site: 'tmall', id: '1' }, 'https://detail.tmall.com/item.htm?id=1'), null).subjects).toEqual([{
      key: 'shop:tmall:1', name: '', source: 'shop-id', level: 'unknown', reasons: [OPERATOR_UNKNOWN], marks: [],
    }]);
  });
});

describe('the page report carries the shop', () => {
  it('JD item page: adapter id, the shop id from pageConfig and the licence page built by the adapter', () => {
    const html = readFileSync(new URL('../../fixtures/sites/jd/item.html', import.meta.url), 'utf8');
    const doc = new JSDOM(html, { url: 'https://item.jd.com/100012000001.html' }).window.document;
    expect(findOnPage(doc, SITES.find((s) => s.id === 'jd')).shop).toEqual({ site: 'jd', id: '10001201', licenceUrl: 'https://mall.jd.com/showLicence-10001201.html' });
    expect(findOnPage(doc, undefined).shop).toBeUndefined();
  });

  it('an id read only from a link beside 进入店铺 (which a seller\'s description can hold) names no shop', () => {
    const html = readFileSync(new URL('../../fixtures/sites/jd/item.html', import.meta.url), 'utf8').replace(/<script>var pageConfig[\s\S]*?<\/script>/, '')
      .replaceAll('href="/sites/jd/shop.html"', 'href="//mall.jd.com/index-10001201.html"');
    const doc = new JSDOM(html, { url: 'https://item.jd.com/100012000001.html' }).window.document;
    const jd = SITES.find((s) => s.id === 'jd')!;
    // The adapter's fourth shop-id way (beside 进店逛逛) reads it; the report names no shop all the same.
    expect(scanPage(doc, jd).via.shopId).toBe(3);
    expect(findOnPage(doc, jd).shop).toBeUndefined();
  });
});

describe('where and when, in the shopper\'s words', () => {
  it('the licence page, or another page of the shop by its address; the day as stored', () => {
    const licence = { kind: 'licence' as const, path: 'mall.jd.com/showLicence-10001201.html', at: '2026-11-30T09:00:00.000Z' };
    expect(readOnText(licence, 'zh')).toBe('经营者信息读取自本店营业执照页 2026-11-30');
    expect(readOnText(licence, 'en')).toBe("Operator read on this shop's licence page on 2026-11-30");
    const shop = { kind: 'page' as const, path: 'mall.jd.com/index-10001201.html', at: '2026-11-02T23:00:00.000Z' };
    expect(readOnText(shop, 'zh')).toBe('经营者信息读取自本店页面 mall.jd.com/index-10001201.html 2026-11-02');
    expect(readOnText(shop, 'en')).toBe('Operator read on a page of this shop (mall.jd.com/index-10001201.html) on 2026-11-02');
  });
});
