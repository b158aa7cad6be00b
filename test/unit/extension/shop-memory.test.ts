// idb's wrappers check for the IndexedDB classes as globals.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { mayReplace, openShopMemory, operatorReading, SHOP_MEMORY_TTL_MS, type ShopMemory } from '../../../extension/background/shop-memory';

// Codes from the demo data (valid check characters); BAD is the first with its check character changed.
const CODE = '91990000MA1N8K024W';
const OTHER = '91990000MA2H7Q013E';
const BAD = '91990000MA1N8K024X';
const DAY = 24 * 60 * 60 * 1000;

let clock = 0;
const open = (max?: number): Promise<ShopMemory> => openShopMemory(new IDBFactory(), { now: () => clock, ...(max ? { max } : {}) });
const licence = { site: 'jd', id: '10001201', kind: 'licence' as const, path: 'mall.jd.com/showLicence-10001201.html' };

beforeEach(() => {
  clock = Date.UTC(2026, 10, 1);
});

describe('shop memory (IndexedDB, injected clock)', () => {
  it('remembers a reading with where and when, and recalls it by adapter and shop id only', async () => {
    const mem = await open();
    expect(await mem.remember({ ...licence, uscc: CODE, name: '连云港示例守信电子商务有限公司' })).toBe(true);
    clock += 5 * DAY;
    expect(await mem.recall('jd', '10001201')).toEqual({ ...licence, uscc: CODE, name: '连云港示例守信电子商务有限公司', at: Date.UTC(2026, 10, 1) });
    expect(await mem.recall('jd', '10001202')).toBeNull();
    expect(await mem.recall('tmall', '10001201')).toBeNull();
  });

  it('expires an entry after 30 days and deletes it', async () => {
    const mem = await open();
    await mem.remember({ ...licence, uscc: CODE });
    clock += SHOP_MEMORY_TTL_MS - 1;
    expect((await mem.recall('jd', '10001201'))?.uscc).toBe(CODE);
    clock += 1;
    expect(await mem.recall('jd', '10001201')).toBeNull();
    expect(await mem.count()).toBe(0);
  });

  it('drops expired entries when another shop is written', async () => {
    const mem = await open();
    await mem.remember({ ...licence, uscc: CODE });
    clock += 31 * DAY;
    await mem.remember({ ...licence, id: '20002', path: 'mall.jd.com/showLicence-20002.html', uscc: OTHER });
    expect(await mem.count()).toBe(1);
  });

  it('keeps at most the bound, dropping the oldest readings', async () => {
    const mem = await open(3);
    for (const id of ['1', '2', '3', '4']) {
      clock += 1000;
      await mem.remember({ ...licence, id, uscc: CODE });
    }
    clock += 1000;
    await mem.remember({ ...licence, id: '2', uscc: OTHER }); // re-read: now the newest
    clock += 1000;
    await mem.remember({ ...licence, id: '5', uscc: CODE });
    expect(await mem.count()).toBe(3);
    expect(await mem.recall('jd', '1')).toBeNull();
    expect(await mem.recall('jd', '3')).toBeNull();
    expect((await mem.recall('jd', '2'))?.uscc).toBe(OTHER);
    expect(await mem.recall('jd', '4')).not.toBeNull();
  });

  it('replace rules: a valid USCC or the licence page name replaces; a name from another page or a bad code does not', async () => {
    const mem = await open();
    await mem.remember({ ...licence, uscc: CODE, name: '连云港示例守信电子商务有限公司' });
    const page = { site: 'jd', id: '10001201', kind: 'page' as const, path: 'mall.jd.com/index-10001201.html' };
    expect(await mem.remember({ ...page, name: '冒名电子商务有限公司' })).toBe(false);
    expect(await mem.remember({ ...page, uscc: BAD })).toBe(false);
    expect((await mem.recall('jd', '10001201'))?.uscc).toBe(CODE);

    // The same name read again on the licence page keeps the code known for it, with the new time.
    clock += DAY;
    expect(await mem.remember({ ...licence, name: '连云港示例守信电子商务有限公司' })).toBe(true);
    expect(await mem.recall('jd', '10001201')).toMatchObject({ uscc: CODE, at: clock });

    // Another name on the licence page: the shop changed hands, the old code goes with the old name.
    expect(await mem.remember({ ...licence, name: '新经营者有限公司' })).toBe(true);
    expect(await mem.recall('jd', '10001201')).toEqual({ ...licence, name: '新经营者有限公司', at: clock });

    // A code from a shop page (whose content the shop writes) may add the code to the licence page's own name only.
    expect(await mem.remember({ ...page, uscc: OTHER, name: '新经营者有限公司' })).toBe(true);
    expect(await mem.recall('jd', '10001201')).toEqual({ ...licence, uscc: OTHER, name: '新经营者有限公司', at: clock });
  });

  it("a shop's own page cannot overwrite what its licence page said (the shop writes its pages, the platform the licence page)", async () => {
    const mem = await open();
    await mem.remember({ ...licence, uscc: CODE, name: '连云港示例守信电子商务有限公司' });
    const page = { site: 'jd', id: '10001201', kind: 'page' as const, path: 'mall.jd.com/index-10001201.html' };
    expect(await mem.remember({ ...page, uscc: OTHER })).toBe(false);
    expect(await mem.remember({ ...page, uscc: OTHER, name: '连云港示例守信电子商务有限公司' })).toBe(false);
    expect(await mem.recall('jd', '10001201')).toEqual({ ...licence, uscc: CODE, name: '连云港示例守信电子商务有限公司', at: clock });
    // Once the licence reading has expired, the shop's page may write again.
    clock += SHOP_MEMORY_TTL_MS;
    expect(await mem.remember({ ...page, uscc: OTHER })).toBe(true);
    expect(await mem.recall('jd', '10001201')).toEqual({ ...page, uscc: OTHER, at: clock });
  });

  it('clear forgets every shop', async () => {
    const mem = await open();
    await mem.remember({ ...licence, uscc: CODE });
    await mem.remember({ ...licence, id: '2', uscc: OTHER });
    await mem.clear();
    expect(await mem.count()).toBe(0);
    expect(await mem.recall('jd', '10001201')).toBeNull();
  });

  it('refuses what does not have the stored shape (an id readShop would not accept)', async () => {
    const mem = await open();
    expect(await mem.remember({ ...licence, id: '../x y', uscc: CODE })).toBe(false);
    expect(await mem.count()).toBe(0);
  });
});

describe('what a page may offer the memory', () => {
  it('mayReplace: a valid code, or a name from the licence page', () => {
    expect(mayReplace({ ...licence, uscc: CODE })).toBe(true);
    expect(mayReplace({ ...licence, uscc: BAD, name: '某公司' })).toBe(false);
    expect(mayReplace({ ...licence, name: '某某有限公司' })).toBe(true);
    expect(mayReplace({ ...licence, kind: 'page', name: '某某有限公司' })).toBe(false);
  });

  it('operatorReading: the first finding with a code; a labelled name only on the licence page; never a mark claim', () => {
    const label = { name: '连云港示例守信电子商务有限公司', source: 'label', confidence: 0.8 };
    const coded = { uscc: CODE, name: '连云港示例守信电子商务有限公司', source: 'label', confidence: 0.9 };
    expect(operatorReading([label, coded], 'page')).toEqual({ uscc: CODE, name: '连云港示例守信电子商务有限公司' });
    expect(operatorReading([label], 'licence')).toEqual({ name: '连云港示例守信电子商务有限公司' });
    expect(operatorReading([label], 'page')).toBeNull();
    expect(operatorReading([{ uscc: OTHER, name: '冒名公司', source: 'mark', confidence: 1 }], 'licence')).toBeNull();
    expect(operatorReading([], 'licence')).toBeNull();
  });
});
