// @vitest-environment jsdom
// Hostile adapter data (docs/adapter-data.md): a file signed by a real adapter-publisher key may move where the shop
// name and id are read, never what decides a verdict (the operator, the licence, the shop memory).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { SITES } from '../../../extension/sites';
import { detectWithSite } from '../../../extension/sites/detect-site';
import { selectorParses } from '../../../extension/sites/load';
import { mergeSites } from '../../../extension/sites/merge';
import { scanPage } from '../../../extension/runtime/findings';
import { shopOfPage, withShopMemory } from '../../../extension/background/shop-page';
import { openShopMemory } from '../../../extension/background/shop-memory';
import { licenceUrlOf, readShop } from '../../../extension/sites/read';
import { AdapterSiteData } from '../../../core/lists/adapters';
import { BORROWED_ID_WAY, jdRedesign, SELLER_DESCRIPTION } from '../../e2e/extension/gen-fixture-adapters';

const ROOT = resolve(import.meta.dirname, '../../..');
const CODE = '91990000MA1N8K024W';
const NAME = '连云港示例守信电子商务有限公司';
const ITEM = 'https://item.jd.com/100012000003.html';
const fixture = (file: string) => readFileSync(resolve(ROOT, `test/fixtures/sites/jd/${file}`), 'utf8');
// JD's redesigned item page of shop 10001203 (no operator printed) with its seller's description claiming another shop.
const html = (file: string) => (file === 'attack' ? fixture('item-redesign-2026.html').replace('</body>', `${SELLER_DESCRIPTION}\n</body>`) : fixture(file));
const page = (file: string, url: string) => new JSDOM(html(file), { url }).window.document;
/** JD as a stored file leaves it: storage is read as it is, so these fields reach the merge even if a schema refused them. */
const jdWith = (jd: Record<string, unknown>) => {
  const data = jdRedesign({ sites: [{ site: 'jd', selectors: { shopName: ['.shop-card-v2 .shop-card-v2__title'] }, ...jd }] });
  return mergeSites(SITES, { f: { url: 'https://adapters.example.cn/f.adapters.json', sha256: '0'.repeat(64), data } }, selectorParses).find((s) => s.id === 'jd')!;
};

describe('adapter data names no operator', () => {
  it("an operator way reading the seller's description adds no subject", () => {
    const jd = jdWith({ ways: { operator: [{ from: 'selector', selector: '#J-detail-content .brand-auth', pattern: '品牌授权：(.+)' }] } });
    const { result } = detectWithSite(page('attack', ITEM), jd, ITEM);
    expect(result.subjects.filter((s) => s.role === 'shop')).toEqual([]);
    expect(jd.ways.operator).toEqual([]);
  });

  it("a platform block over the licence text does not turn the shop's operator into the platform's", () => {
    const jd = jdWith({ selectors: { shopName: ['.jLogo .shop-name'], licenceBlock: ['.no-such-block'], platformBlock: ['.qualification-list'] } });
    const url = 'https://mall.jd.com/showLicence-10001201.html';
    const shop = detectWithSite(page('licence.html', url), jd, url).result.subjects.filter((s) => s.role === 'shop');
    expect(shop.map((s) => s.uscc)).toContain(CODE);
    expect(jd.selectors.platformBlock).toEqual(SITES.find((s) => s.id === 'jd')!.selectors.platformBlock);
  });

  it("licence and hover-title blocks over the seller's description are not taken", () => {
    const jd = jdWith({ selectors: { shopName: ['.shop-card-v2 .shop-card-v2__title'], licenceBlock: ['#J-detail-content'], hoverTitle: ['#J-detail-content img'] } });
    const bundled = SITES.find((s) => s.id === 'jd')!;
    expect([jd.selectors.licenceBlock, jd.selectors.hoverTitle]).toEqual([bundled.selectors.licenceBlock, bundled.selectors.hoverTitle]);
  });
});

describe('adapter data does not reach the shop memory', () => {
  const at = Date.UTC(2026, 10, 30, 9);

  it("an id only a file's way reads (the seller's description) links the licence page but borrows no remembered operator", async () => {
    const jd = jdWith({ ways: { shopId: [BORROWED_ID_WAY] } });
    const { found } = scanPage(page('attack', ITEM), jd);
    expect(found.shop).toEqual({ site: 'jd', id: '10001201', licenceUrl: 'https://mall.jd.com/showLicence-10001201.html', data: true });
    const mem = await openShopMemory(new IDBFactory(), { now: () => at });
    await mem.remember({ site: 'jd', id: '10001201', uscc: CODE, name: NAME, kind: 'licence', path: 'mall.jd.com/showLicence-10001201.html' });
    const shop = shopOfPage(found.shop, ITEM, [jd]);
    expect(shop).toMatchObject({ id: '10001201', writes: null, recalls: false });
    const { req, remembered } = await withShopMemory(found, shop, mem);
    expect(remembered).toBeNull();
    expect(req.subjects).toEqual([]);
  });

  it("the bundled adapter's own ways, even listed by a file, still read the memory", () => {
    const bundled = SITES.find((s) => s.id === 'jd')!;
    const jd = jdWith({ ways: { shopId: [{ from: 'script', pattern: 'nothing-here(\\d+)' }, ...bundled.ways.shopId] } });
    const url = 'https://item.jd.com/100012000001.html';
    expect(scanPage(page('item.html', url), jd).found.shop).toEqual({ site: 'jd', id: '10001201', licenceUrl: 'https://mall.jd.com/showLicence-10001201.html' });
  });

  it("a file's url way or licence page makes no page of the shop's seller a memory writer", () => {
    // The shop's home, decorated by its seller, as the "licence page"; an item page's query as "the shop's address".
    const jd = jdWith({ licenceUrl: 'https://mall.jd.com/index-{id}.html', ways: { shopId: [{ from: 'url', pattern: '^https?://item\\.jd\\.com/\\d+\\.html\\?(?:[^#]*&)?sid=(\\d+)' }] } });
    expect(shopOfPage({ site: 'jd', id: '20002' }, 'https://item.jd.com/100012000003.html?sid=20002', [jd])).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'jd', id: '10001201' }, 'https://mall.jd.com/index-10001201.html', [jd])).toMatchObject({ writes: 'page', licenceUrl: 'https://mall.jd.com/index-10001201.html' });
    // The platform's licence page is still the one that writes as 'licence'.
    expect(shopOfPage({ site: 'jd', id: '10001201' }, 'https://mall.jd.com/showLicence-10001201.html', [jd])).toMatchObject({ writes: 'licence' });
  });
});

describe("a file's script way over a page of many scripts", () => {
  // 100,027 steps a try (rule 8): ten tries for the whole page, however many scripts hold its literal.
  const way = { from: 'script' as const, pattern: 'shop[\\s\\S]{100000}sid=(\\d{1,9})' };
  const script = (body: string) => `<script>var s = "${body}";</script>`;
  const miss = script(`shop${'y'.repeat(100_001)}`);
  const hit = script(`shop${'y'.repeat(100_000)}sid=10001203`);
  const itemPage = (misses: number) => new JSDOM(`<!doctype html><html><head>${miss.repeat(misses)}${hit}</head><body><h1>示例商品</h1></body></html>`, { url: ITEM }).window.document;

  it('reads the id while its tries fit one budget for the page, and stops when they do not', () => {
    const jd = jdWith({ ways: { shopId: [way] } });
    expect(scanPage(itemPage(9), jd).found.shop?.id).toBe('10001203');
    // Eleven scripts that each cost a try: the eleventh, which holds the id, is past the page's budget.
    expect(scanPage(itemPage(10), jd).found.shop?.id).toBeUndefined();
  });
});

describe("a file's near way over a page of many shop links beside controls", () => {
  // 100,027 steps a try (rule 8), read from each link's text: ten tries for the page, however many links there are.
  const way = { from: 'near' as const, controls: ['进店'], pattern: 'shop[\\s\\S]{100000}sid=(\\d{1,9})' };
  const card = (i: number, text: string) => `<div class="shop-card"><a href="//mall.jd.com/index-${i}.html">进店</a><a href="//mall.jd.com/index-${i}.html">${text}</a></div>`;
  const itemPage = (misses: number) => {
    const cards = Array.from({ length: misses }, (_, i) => card(i, `shop${'y'.repeat(100_001)}`)).join('');
    return new JSDOM(`<!doctype html><html><body><h1>示例商品</h1><div><div><div><div>${cards}${card(misses, `shop${'y'.repeat(100_000)}sid=10001203`)}</div></div></div></div></body></html>`, { url: ITEM }).window.document;
  };

  it('reads the id while its tries fit one budget for the page, and stops when they do not', () => {
    const jd = jdWith({ ways: { shopId: [way] } });
    // Each miss is tried once, though it sits in each of the four blocks around its control.
    expect(readShop(itemPage(9), jd, ITEM).shopId).toBe('10001203');
    expect(readShop(itemPage(10), jd, ITEM).shopId).toBeNull();
  });
});

describe('an adapter data file that has expired', () => {
  it('changes nothing from its expiry on, before its subscription is checked again', () => {
    const data = jdRedesign({ expires: '2026-12-01T00:00:00+08:00' });
    const stored = { f: { url: 'https://adapters.example.cn/f.adapters.json', sha256: '0'.repeat(64), data } };
    const jd = (at: string) => mergeSites(SITES, stored, selectorParses, Date.parse(at)).find((s) => s.id === 'jd')!;
    expect(jd('2026-11-30T15:59:59Z').selectors.shopName).toEqual(['.shop-card-v2 .shop-card-v2__title']);
    expect(jd('2026-11-30T16:00:00Z')).toBe(SITES.find((s) => s.id === 'jd'));
  });
});

describe('a licence page on another host', () => {
  const bundledJd = SITES.find((s) => s.id === 'jd')!;
  it.each([
    'https://evil.example/{id}', 'https://mall.jd.com@evil.example/{id}', 'https://evil.example\\@mall.jd.com/{id}', 'https://mall.jd.com.evil.example/{id}',
    'https://mall.jd.com./showLicence-{id}.html', 'https://xn--jd-xyz.com/{id}', 'https://MALL.JD.COM.EVIL.EXAMPLE/{id}', 'https://[::1]/{id}', 'https://127.0.0.1/sites/jd/{id}',
    'https://jd.com:8443/{id}', 'http://mall.jd.com/{id}',
  ])('%s is ignored by the reader (off the site\'s own hosts, or not https on its default port)', (url) => {
    expect(jdWith({ licenceUrl: url }).licenceUrl).toBe(bundledJd.licenceUrl);
  });

  it.each(['https://mall.jd.com@evil.example/{id}', 'https://evil.example\\@mall.jd.com/{id}', 'https://MALL.JD.COM/{id}', 'https://[::1]/{id}', 'https://jd.com:8443/{id}'])('%s is refused by the format', (url) => {
    expect(AdapterSiteData.safeParse({ site: 'jd', licenceUrl: url }).success).toBe(false);
  });

  it('a path that climbs stays on the host, whatever id the page shows', () => {
    const jd = jdWith({ licenceUrl: 'https://mall.jd.com/../..//{id}/x' });
    for (const id of ['..', '.', '10001201']) expect(new URL(licenceUrlOf(jd, id)!).host).toBe('mall.jd.com');
  });
});
