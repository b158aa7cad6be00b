// idb's wrappers check for the IndexedDB classes as globals.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { acceptMiss, healthReport, openAdapterHealth, type AdapterHealth } from '../../../extension/background/adapter-health';
import { HEALTH_CHANGED, HealthChanged, PROTOCOL } from '../../../extension/platform/protocol';
import type { AdapterDataRef, AdapterMiss } from '../../../extension/platform/schemas';
import { AdapterDataFile, type StoredAdapterData } from '../../../core/lists';
import { jdRedesign } from '../../e2e/extension/gen-fixture-adapters';
import { scanPage } from '../../../extension/runtime/findings';
import { dataInForce, missOnPage, missReporter } from '../../../extension/runtime/misses';
import { SITES } from '../../../extension/sites';
import { pageKindOf } from '../../../extension/sites/page-kind';
import { adapterOf, realUrls } from '../../support/real-pages';

const ROOT = resolve(import.meta.dirname, '../../..');
const site = (id: string) => SITES.find((s) => s.id === id)!;
const DAY = 24 * 60 * 60 * 1000;

// The JD adapter's ways, as index and `from` (extension/sites/jd.ts): the near way, then the five shopName selectors;
// the four shopId ways; no operator way, then two licence blocks and two hover titles.
const JD_NAME_WAYS = [{ i: 0, from: 'near' }, { i: 1, from: 'selector' }, { i: 2, from: 'selector' }, { i: 3, from: 'selector' }, { i: 4, from: 'selector' }, { i: 5, from: 'selector' }];
const JD_ID_WAYS = [{ i: 0, from: 'url' }, { i: 1, from: 'url' }, { i: 2, from: 'script' }, { i: 3, from: 'near' }];
const JD_OPERATOR_WAYS = [{ i: 0, from: 'selector' }, { i: 1, from: 'selector' }, { i: 2, from: 'selector' }, { i: 3, from: 'selector' }];

const itemMiss: AdapterMiss = { site: 'jd', kind: 'item', misses: [{ value: 'shopName', ways: JD_NAME_WAYS as AdapterMiss['misses'][number]['ways'] }], data: [] };

describe('page kinds from adapter data', () => {
  it.each(realUrls().filter((u) => u.kind !== 'not-shop').map((u) => [u.url, adapterOf(u.platform), u.kind] as const))(
    '%s is a %s %s page', (url, id, kind) => expect(pageKindOf(site(id), url)).toBe(kind));

  it('recorded pages take the kind their file name starts with; other recorded pages have none', () => {
    expect(pageKindOf(site('jd'), 'http://127.0.0.1:4173/sites/jd/item-no-operator.html')).toBe('item');
    expect(pageKindOf(site('jd'), 'http://localhost:4173/sites/jd/licence.html')).toBe('licence');
    expect(pageKindOf(site('tmall'), 'http://127.0.0.1:4173/sites/tmall/shop.html')).toBe('shop');
    expect(pageKindOf(site('jd'), 'http://127.0.0.1:4173/sites/jd/attack-cover.html')).toBeNull();
    expect(pageKindOf(site('jd'), 'http://127.0.0.1:4173/sites/tmall/item.html')).toBeNull();
    expect(pageKindOf(site('jd'), 'not a url')).toBeNull();
  });
});

describe('what a page missed (content script)', () => {
  const jdItem = (file: string, url: string) => scanPage(new JSDOM(readFileSync(resolve(ROOT, 'test/fixtures/sites/jd', file), 'utf8'), { url }).window.document, site('jd'));

  it('a redesigned JD item page: the shop name missed by every way, the shop id still read, no operator expected', () => {
    const url = 'https://item.jd.com/100012000001.html';
    const { found, via } = jdItem('item-redesign.html', url);
    expect(via).toEqual({ shopName: -1, shopId: 2, operator: -1 });
    expect(missOnPage(site('jd'), url, via, found.subjects.length > 0)).toEqual(itemMiss);
  });

  it('the JD item page as it was: nothing missed', () => {
    const url = 'https://item.jd.com/100012000001.html';
    const { found, via } = jdItem('item.html', url);
    expect(missOnPage(site('jd'), url, via, found.subjects.length > 0)).toBeNull();
  });

  it('a licence page that shows no operator misses it; an item page never does (JD item pages print none)', () => {
    const none = { shopName: -1, shopId: -1, operator: -1 };
    expect(missOnPage(site('jd'), 'https://mall.jd.com/showLicence-649114.html', { ...none, shopName: 4, shopId: 0 }, false)).toEqual({
      site: 'jd', kind: 'licence', misses: [{ value: 'operator', ways: JD_OPERATOR_WAYS }], data: [],
    });
    expect(missOnPage(site('jd'), 'https://item.jd.com/595936.html', none, false)).toEqual({
      site: 'jd', kind: 'item', misses: [{ value: 'shopName', ways: JD_NAME_WAYS }, { value: 'shopId', ways: JD_ID_WAYS }], data: [],
    });
    // 1688's offer pages carry the supplier company in their state: there the operator counts on item pages.
    expect(missOnPage(site('1688'), 'https://detail.1688.com/offer/692785071822.html', { shopName: 0, shopId: 3, operator: -1 }, false)).toEqual({
      site: '1688', kind: 'item',
      misses: [{ value: 'operator', ways: [{ i: 0, from: 'script' }, { i: 1, from: 'selector' }, { i: 2, from: 'selector' }] }], data: [],
    });
    // A claimed address of no page kind is not counted.
    expect(missOnPage(site('jd'), 'http://127.0.0.1:4173/sites/jd/attack-cover.html', none, false)).toBeNull();
  });
});

describe('once per page load', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('50 re-renders of one page that keeps missing send one miss, after it settled', () => {
    const sent: AdapterMiss[] = [];
    const r = missReporter((m) => sent.push(m), 3000);
    for (let n = 0; n < 50; n++) {
      r.seen('https://item.jd.com/1.html', itemMiss);
      vi.advanceTimersByTime(250);
    }
    expect(sent).toEqual([itemMiss]);
    r.seen('https://item.jd.com/1.html#comment', itemMiss);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(1);
  });

  it('a shop name drawn before the page settled cancels the miss; another address of a single-page app counts on its own', () => {
    const sent: AdapterMiss[] = [];
    const r = missReporter((m) => sent.push(m), 3000);
    r.seen('https://item.jd.com/1.html', itemMiss);
    vi.advanceTimersByTime(1000);
    r.seen('https://item.jd.com/1.html', null);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
    r.seen('https://item.jd.com/2.html', itemMiss);
    vi.advanceTimersByTime(3000);
    expect(sent).toEqual([itemMiss]);
  });

  it('a page that rewrites its address in a loop counts at most 20 times', () => {
    const sent: AdapterMiss[] = [];
    const r = missReporter((m) => sent.push(m), 3000);
    for (let n = 0; n < 100; n++) {
      r.seen(`https://item.jd.com/${n}.html`, itemMiss);
      vi.advanceTimersByTime(3000);
    }
    expect(sent).toHaveLength(20);
  });
});

describe('adapter health table (IndexedDB, injected clock)', () => {
  let clock = 0;
  let health: AdapterHealth;
  const open = (maxRows?: number) => openAdapterHealth(new IDBFactory(), { now: () => clock, ...(maxRows ? { maxRows } : {}) });
  beforeEach(() => {
    clock = Date.UTC(2026, 10, 1, 23, 59);
  });
  afterEach(() => health?.close());

  it('counts per adapter, page kind, value and ways, with first and last day only', async () => {
    health = await open();
    await health.count(itemMiss);
    clock += 2 * DAY;
    await health.count(itemMiss);
    await health.count({ site: 'jd', kind: 'licence', misses: [{ value: 'operator', ways: [{ i: 0, from: 'selector' }] }, { value: 'shopId', ways: [] }], data: [] });
    expect(await health.rows()).toEqual([
      { site: 'jd', kind: 'item', value: 'shopName', ways: JD_NAME_WAYS, data: [], count: 2, first: '2026-11-01', last: '2026-11-03' },
      { site: 'jd', kind: 'licence', value: 'operator', ways: [{ i: 0, from: 'selector' }], data: [], count: 1, first: '2026-11-03', last: '2026-11-03' },
      { site: 'jd', kind: 'licence', value: 'shopId', ways: [], data: [], count: 1, first: '2026-11-03', last: '2026-11-03' },
    ]);
    await health.clear();
    expect(await health.rows()).toEqual([]);
  });

  it('keeps at most maxRows rows: the ones missed longest ago go, the one just counted stays', async () => {
    health = await open(2);
    const miss = (site: string): AdapterMiss => ({ site, kind: 'item', misses: [{ value: 'shopName', ways: [] }], data: [] });
    await health.count(miss('jd'));
    clock += DAY;
    await health.count(miss('tmall'));
    clock += DAY;
    await health.count(miss('douyin'));
    expect((await health.rows()).map((r) => `${r.site} ${r.last}`)).toEqual(['douyin 2026-11-03', 'tmall 2026-11-02']);
    // All on one day: still never the row just counted.
    await health.count(miss('1688'));
    expect((await health.rows()).map((r) => r.site).sort()).toContain('1688');
    expect(await health.rows()).toHaveLength(2);
  });

  it('the copied report: version, adapters, page kinds, counts and missed ways; no address, no shop, no day', async () => {
    health = await open();
    const url = 'https://item.jd.com/100012000001.html';
    const { found, via } = scanPage(new JSDOM(readFileSync(resolve(ROOT, 'test/fixtures/sites/jd/item-redesign.html'), 'utf8'), { url }).window.document, site('jd'));
    const miss = missOnPage(site('jd'), url, via, found.subjects.length > 0)!;
    await health.count(miss);
    await health.count(miss);
    const report = healthReport(await health.rows(), '0.4.0');
    expect(report).toBe(`{
  "report": "xinbiao-adapter-health",
  "extension": "0.4.0",
  "rows": [
    {
      "adapter": "jd",
      "adapterData": "bundled",
      "kind": "item",
      "value": "shopName",
      "count": 2,
      "missedWays": [
        "0:near",
        "1:selector",
        "2:selector",
        "3:selector",
        "4:selector",
        "5:selector"
      ]
    }
  ]
}`);
    for (const secret of ['item.jd.com', '100012000001', '10001201', '鹏城', '连云港', '91990000MA1N8K024W', '2026']) expect(report).not.toContain(secret);
  });

  it('a row another version stored in another shape is left out', async () => {
    const idb = new IDBFactory();
    health = await openAdapterHealth(idb, { now: () => clock });
    await health.count(itemMiss);
    health.close();
    const raw = await new Promise<IDBDatabase>((ok) => { const r = idb.open('xinbiao-health'); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => { const tx = raw.transaction('misses', 'readwrite'); tx.objectStore('misses').put({ key: 'x', site: 'jd', kind: 'item', value: 'shopName', ways: [], count: 1, first: 'yesterday', last: '2026-11-01', url: 'https://item.jd.com/1.html' }); tx.oncomplete = ok; });
    raw.close();
    health = await openAdapterHealth(idb, { now: () => clock });
    expect((await health.rows()).map((r) => r.count)).toEqual([1]);
  });
});

describe('which adapter data was in force', () => {
  let clock = Date.UTC(2026, 10, 30, 12);
  // Stored as the subscriptions keep a file in force: the address it came from beside the signed content.
  const stored = (over: Record<string, unknown> = {}): StoredAdapterData => {
    const data = AdapterDataFile.parse(jdRedesign(over));
    return { url: `https://adapters.example.cn/feeds/${data.id}.adapters.json`, sha256: 'ab'.repeat(32), data };
  };
  const fix1: AdapterDataRef = { id: 'e2e-jd-redesign', publisher: 'demo-adapters', version: 1 };
  const fix2: AdapterDataRef = { ...fix1, version: 2 };

  it('the files laid over an adapter, in the order they apply (by id): id, publisher id and version, never their address', () => {
    const files = {
      'z-jd-more': stored({ id: 'z-jd-more', version: 4, publisher: { id: 'jd-volunteers', name: '京东适配志愿者' } }),
      'e2e-jd-redesign': stored(),
      'tmall-only': stored({ id: 'tmall-only', sites: [{ site: 'tmall', selectors: { shopName: ['.shop-name-v3'] } }] }),
    };
    expect(dataInForce('jd', files)).toEqual([fix1, { id: 'z-jd-more', publisher: 'jd-volunteers', version: 4 }]);
    expect(dataInForce('tmall', files)).toEqual([{ id: 'tmall-only', publisher: 'demo-adapters', version: 1 }]);
    expect(dataInForce('douyin', files)).toEqual([]);
    expect(dataInForce('jd', {})).toEqual([]);
  });

  it('the content script reads the same from storage as it is, names the files its adapter was made of, and sends them with a miss', () => {
    const raw: unknown = { 'e2e-jd-redesign': stored(), broken: { url: 'x', data: 'not a file' }, 'no-sites': { data: { id: 'no-sites' } } };
    expect(dataInForce('jd', raw)).toEqual([fix1]);
    expect(dataInForce('jd', undefined)).toEqual([]);
    expect(dataInForce('jd', ['e2e-jd-redesign'])).toEqual([]);
    const none = { shopName: -1, shopId: 2, operator: -1 };
    expect(missOnPage(site('jd'), 'https://item.jd.com/100012000001.html', none, false, [fix1])).toEqual({ ...itemMiss, data: [fix1] });
  });

  it('the background counts a miss only under the adapter data it was made with, which must be the data in force now', () => {
    const item = 'https://item.jd.com/100012000001.html';
    // The file's two ways stand in for the merged adapter's; what matters here is the data the miss names.
    expect(acceptMiss({ ...itemMiss, data: [fix1] }, item, SITES, [fix1])).toEqual({ ...itemMiss, data: [fix1] });
    // A page that loaded before version 2 came into force, or before the file came, or after it went: not counted.
    expect(acceptMiss({ ...itemMiss, data: [fix1] }, item, SITES, [fix2])).toBeNull();
    expect(acceptMiss(itemMiss, item, SITES, [fix1])).toBeNull();
    expect(acceptMiss({ ...itemMiss, data: [fix1] }, item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, data: [{ ...fix1, publisher: 'someone-else' }] }, item, SITES, [fix1])).toBeNull();
    // The message may name files only by id, publisher and version: an address riding along is refused.
    const parse = (m: unknown) => PROTOCOL['content:miss'].req.safeParse(m).success;
    expect(parse({ ...itemMiss, data: [fix1] })).toBe(true);
    expect(parse({ ...itemMiss, data: [{ ...fix1, url: 'https://adapters.example.cn/feeds/e2e-jd-redesign.adapters.json' }] })).toBe(false);
    expect(parse({ ...itemMiss, data: [{ ...fix1, id: '../x' }] })).toBe(false);
    expect(parse({ ...itemMiss, data: Array(17).fill(fix1) })).toBe(false);
    expect(parse({ site: itemMiss.site, kind: itemMiss.kind, misses: itemMiss.misses })).toBe(false);
  });

  it('misses under other adapter data are other rows; the table and the report name the data, not where it came from', async () => {
    const health = await openAdapterHealth(new IDBFactory(), { now: () => clock });
    await health.count(itemMiss);
    await health.count({ ...itemMiss, data: [fix1] });
    clock += DAY;
    await health.count({ ...itemMiss, data: [fix1] });
    await health.count({ ...itemMiss, data: [fix2] });
    const rows = await health.rows();
    expect(rows.map((r) => [r.data, r.count, r.first, r.last])).toEqual([
      [[], 1, '2026-11-30', '2026-11-30'],
      [[fix1], 2, '2026-11-30', '2026-12-01'],
      [[fix2], 1, '2026-12-01', '2026-12-01'],
    ]);
    const report = JSON.parse(healthReport(rows, '0.4.0')) as { rows: { adapterData: unknown; count: number }[] };
    expect(report.rows.map((r) => [r.adapterData, r.count])).toEqual([
      ['bundled', 1],
      [[{ id: 'e2e-jd-redesign', publisher: 'demo-adapters', version: 1 }], 2],
      [[{ id: 'e2e-jd-redesign', publisher: 'demo-adapters', version: 2 }], 1],
    ]);
    expect(healthReport(rows, '0.4.0')).not.toMatch(/https?:|example\.cn|adapters\.json/);
    health.close();
  });

  it('rows counted before the adapter data was recorded are dropped when the table is upgraded: they cannot say it', async () => {
    const idb = new IDBFactory();
    // The first version's table, with one of its rows.
    const v1 = await new Promise<IDBDatabase>((ok) => {
      const r = idb.open('xinbiao-health', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('misses', { keyPath: 'key' }).createIndex('last', 'last');
      r.onsuccess = () => ok(r.result);
    });
    await new Promise((ok) => {
      const tx = v1.transaction('misses', 'readwrite');
      tx.objectStore('misses').put({ key: JSON.stringify(['jd', 'item', 'shopName', '0:near']), site: 'jd', kind: 'item', value: 'shopName', ways: [{ i: 0, from: 'near' }], count: 7, first: '2026-11-20', last: '2026-11-29' });
      tx.oncomplete = ok;
    });
    v1.close();
    const health = await openAdapterHealth(idb, { now: () => clock });
    expect(await health.rows()).toEqual([]);
    await health.count(itemMiss);
    expect((await health.rows()).map((r) => [r.site, r.data, r.count])).toEqual([['jd', [], 1]]);
    health.close();
  });

  it('each count and each clear written is told once (the options page draws the table again)', async () => {
    const told = vi.fn();
    const health = await openAdapterHealth(new IDBFactory(), { now: () => clock, onChange: told });
    await health.rows();
    expect(told).not.toHaveBeenCalled();
    await health.count(itemMiss);
    expect(told).toHaveBeenCalledTimes(1);
    await health.count({ ...itemMiss, misses: [itemMiss.misses[0]!, { value: 'shopId', ways: [] }] });
    expect(told).toHaveBeenCalledTimes(2);
    await health.clear();
    expect(told).toHaveBeenCalledTimes(3);
    health.close();
  });

  it('the change message carries nothing: any other field or value is not it', () => {
    expect(HealthChanged.safeParse(HEALTH_CHANGED).success).toBe(true);
    expect(HealthChanged.safeParse({ ...HEALTH_CHANGED, rows: [] }).success).toBe(false);
    expect(HealthChanged.safeParse({ xinbiao: 1, name: 'content:miss', data: itemMiss }).success).toBe(false);
    expect(HealthChanged.safeParse({ xinbiao: 2, event: 'health-changed' }).success).toBe(false);
  });
});

describe('a hostile sender: content:miss is validated', () => {
  const parse = (m: unknown) => PROTOCOL['content:miss'].req.safeParse(m).success;

  it('the protocol refuses any other field, kind, value or way shape', () => {
    expect(parse(itemMiss)).toBe(true);
    expect(parse({ ...itemMiss, url: 'https://item.jd.com/1.html' })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'shopName', ways: [], shopName: '鹏城数码旗舰店' }] })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'shopName', ways: [{ i: 0, from: 'near', selector: '.x' }] }] })).toBe(false);
    expect(parse({ ...itemMiss, kind: 'cart' })).toBe(false);
    expect(parse({ ...itemMiss, site: '../jd' })).toBe(false);
    expect(parse({ ...itemMiss, misses: [] })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'title', ways: [] }] })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'shopName', ways: [{ i: -1, from: 'near' }] }] })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'shopName', ways: [{ i: 1.5, from: 'near' }] }] })).toBe(false);
    expect(parse({ ...itemMiss, misses: [{ value: 'shopName', ways: [{ i: 0, from: 'eval' }] }] })).toBe(false);
    expect(parse({ ...itemMiss, misses: Array(4).fill({ value: 'shopName', ways: [] }) })).toBe(false);
  });

  it('the background counts a miss only for the adapter and page kind of the frame address the browser gave', () => {
    const item = 'https://item.jd.com/100012000001.html';
    expect(acceptMiss(itemMiss, item)).toEqual(itemMiss);
    expect(acceptMiss(itemMiss, undefined)).toBeNull();
    expect(acceptMiss({ ...itemMiss, site: 'tmall' }, item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, kind: 'licence' }, item)).toBeNull();
    expect(acceptMiss(itemMiss, 'https://www.jd.com/')).toBeNull();
    // JD item pages print no operator: a miss of it there is not a miss.
    expect(acceptMiss({ ...itemMiss, misses: [{ value: 'operator', ways: [] }] }, item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, kind: 'licence', misses: [{ value: 'operator', ways: JD_OPERATOR_WAYS as AdapterMiss['misses'][number]['ways'] }] }, 'https://mall.jd.com/showLicence-649114.html')).not.toBeNull();
    expect(acceptMiss({ ...itemMiss, misses: [itemMiss.misses[0]!, itemMiss.misses[0]!] }, item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, misses: [{ value: 'shopName', ways: [{ i: 1, from: 'near' }, { i: 1, from: 'selector' }] }] }, item)).toBeNull();
  });

  it('with signed adapter data in force, the ways checked are the merged adapter\'s, not the bundled ones', () => {
    const item = 'https://item.jd.com/100012000001.html';
    // A file that gives JD two shop-name ways (a script way, then a selector); JD's five shop-name selectors follow them.
    const merged = SITES.map((s) => (s.id === 'jd' ? { ...s, ways: { ...s.ways, shopName: [{ from: 'script' as const, pattern: '"shopName":"([^"]+)"' }, { from: 'selector' as const, selector: '.shop-card-v2 h3' }] } } : s));
    const fileMiss: AdapterMiss = { site: 'jd', kind: 'item', misses: [{ value: 'shopName', ways: [{ i: 0, from: 'script' }, { i: 1, from: 'selector' }, { i: 2, from: 'selector' }, { i: 3, from: 'selector' }, { i: 4, from: 'selector' }, { i: 5, from: 'selector' }, { i: 6, from: 'selector' }] }], data: [] };
    expect(acceptMiss(fileMiss, item, merged)).toEqual(fileMiss);
    expect(acceptMiss(itemMiss, item, merged)).toBeNull();
    expect(acceptMiss(fileMiss, item)).toBeNull();
  });

  it('ways other than the adapter\'s own list for the value are refused (index and from, all of them)', () => {
    const item = 'https://item.jd.com/100012000001.html';
    const shopName = (ways: AdapterMiss['misses'][number]['ways']): AdapterMiss => ({ ...itemMiss, misses: [{ value: 'shopName', ways }] });
    expect(acceptMiss(shopName([]), item)).toBeNull();
    expect(acceptMiss(shopName([{ i: 0, from: 'near' }]), item)).toBeNull();
    expect(acceptMiss(shopName([{ i: 0, from: 'script' }, ...JD_NAME_WAYS.slice(1)] as AdapterMiss['misses'][number]['ways']), item)).toBeNull();
    expect(acceptMiss(shopName([...JD_NAME_WAYS, { i: 6, from: 'selector' }] as AdapterMiss['misses'][number]['ways']), item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, misses: [{ value: 'shopId', ways: JD_NAME_WAYS as AdapterMiss['misses'][number]['ways'] }] }, item)).toBeNull();
    expect(acceptMiss({ ...itemMiss, misses: [{ value: 'shopId', ways: JD_ID_WAYS as AdapterMiss['misses'][number]['ways'] }] }, item)).not.toBeNull();
  });

  it('a compromised content script flooding forged ways neither evicts the real rows nor outgrows the report\'s bound', async () => {
    const health = await openAdapterHealth(new IDBFactory(), { now: () => Date.UTC(2026, 10, 30) });
    const item = 'https://item.jd.com/100012000001.html';
    await health.count(acceptMiss(itemMiss, item)!);
    // Every subset of 64 indices is a distinct row: 300 of them, each as long as the schema allows.
    for (let n = 0; n < 300; n++) {
      const ways = Array.from({ length: 64 }, (_, i) => ({ i, from: (['script', 'url', 'near', 'selector'] as const)[(n >> (i % 8)) & 3]! }));
      const ok = acceptMiss({ site: 'jd', kind: 'item', misses: [{ value: 'shopName', ways }, { value: 'shopId', ways }], data: [] }, item);
      if (ok) await health.count(ok);
    }
    const rows = await health.rows();
    expect(rows.map((r) => [r.site, r.kind, r.value, r.count])).toEqual([['jd', 'item', 'shopName', 1]]);
    expect(PROTOCOL['options:health'].res.safeParse({ rows, report: healthReport(rows, '0.4.0') }).success).toBe(true);
    health.close();
  });
});
