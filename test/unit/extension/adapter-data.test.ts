// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITES } from '../../../extension/sites';
import { detectWithSite } from '../../../extension/sites/detect-site';
import { loadSites, selectorParses } from '../../../extension/sites/load';
import { ADAPTER_DATA_KEY, mergeSites } from '../../../extension/sites/merge';
import { readShop } from '../../../extension/sites/read';
import { mayHoldShop } from '../../../extension/runtime/may-hold-shop';
import { shopProbe } from '../../../extension/runtime/shop-probe';
import { shopOfPage } from '../../../extension/background/shop-page';
import { jdRedesign } from '../../e2e/extension/gen-fixture-adapters';

const ROOT = resolve(import.meta.dirname, '../../..');
const URL_ = 'https://item.jd.com/100012000003.html';
const redesign = () => new JSDOM(readFileSync(resolve(ROOT, 'test/fixtures/sites/jd/item-redesign-2026.html'), 'utf8'), { url: URL_ }).window.document;
const fixFile = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/sites/adapters/jd-redesign.adapters.json'), 'utf8'));
/** Storage as the background writes it: file id → { url, sha256, data }. */
const stored = (...datas: unknown[]) => Object.fromEntries(datas.map((data, i) => [`f${i}`, { url: `https://adapters.example.cn/f${i}.adapters.json`, sha256: '0'.repeat(64), data }]));
const withJd = (jd: Record<string, unknown>, more: unknown[] = []) => stored({ ...fixFile, sites: [{ site: 'jd', ...jd }, ...more] });
const jdOf = (sites: readonly (typeof SITES)[number][]) => sites.find((s) => s.id === 'jd')!;
const bundledJd = jdOf(SITES);

describe('adapter data laid over the bundled adapters', () => {
  it('the bundled JD adapter finds no shop on the redesigned item page, and its first look does not even ask', () => {
    const doc = redesign();
    expect(readShop(doc, bundledJd, URL_)).toMatchObject({ shopName: null, shopId: null, operator: null });
    expect(detectWithSite(doc, bundledJd, URL_).result.subjects).toEqual([]);
    expect(mayHoldShop(doc, shopProbe(SITES))).toBe(false);
  });

  it('the signed fix supplies the new shop card and state object: name, id and anchor are read again', () => {
    const sites = mergeSites(SITES, stored(fixFile), selectorParses);
    const jd = jdOf(sites);
    const doc = redesign();
    const r = readShop(doc, jd, URL_);
    expect(r).toMatchObject({ shopName: '鹏城数码旗舰店', shopId: '10001203' });
    expect(r.anchor?.className).toBe('shop-card-v2__title');
    expect(mayHoldShop(doc, shopProbe([jd]))).toBe(true);
    // Only the fields the file gives change; every other adapter is the bundled object itself.
    expect(jd.selectors.licenceBlock).toEqual(bundledJd.selectors.licenceBlock);
    expect(jd.ways.shopName).toEqual(bundledJd.ways.shopName);
    expect(jd.matches).toEqual(bundledJd.matches);
    expect(sites.filter((s) => s.id !== 'jd')).toEqual(SITES.filter((s) => s.id !== 'jd'));
    expect(sites.filter((s, i) => s === SITES[i]).map((s) => s.id)).toEqual(SITES.filter((s) => s.id !== 'jd').map((s) => s.id));
  });

  it('the served fix is the one the generator writes', () => {
    expect(fixFile).toEqual(jdRedesign());
  });

  it('ignores site ids no bundled adapter has', () => {
    expect(mergeSites(SITES, stored({ ...fixFile, sites: [{ site: 'ebay', selectors: { shopName: ['.seller'] } }] }), selectorParses)).toEqual(SITES);
  });

  it.each([
    ['a selector that does not parse', { selectors: { shopName: ['.shop-card-v2 a[', '.ok'] } }, 'selectors'],
    ['a pattern that nests repeats', { ways: { shopId: [{ from: 'script', pattern: '"shopId":"((\\d+)+)"' }] } }, 'ways'],
    ['a way of an unknown kind', { ways: { shopId: [{ from: 'eval', pattern: '(\\d+)' }] } }, 'ways'],
    // Quadratic in the script's length: from each place an unbounded window runs to the end before it fails.
    ['a window that runs to the end of the text', { ways: { shopId: [{ from: 'script', pattern: '__ITEM_STATE__[\\s\\S]*"shopId":"(\\d{1,20})"' }] } }, 'ways'],
    ['a pattern with no literal beginning', { ways: { shopId: [{ from: 'script', pattern: '[\\s\\S]{0,4000}"shopId":"(\\d{1,20})"' }] } }, 'ways'],
    ['a selector list that is not a list', { selectors: { shopName: '.shop-card-v2' } }, 'selectors'],
  ])('keeps the bundled field when the stored one holds %s', (_, jd, part) => {
    const merged = jdOf(mergeSites(SITES, withJd(jd), selectorParses));
    expect(merged[part as 'selectors' | 'ways']).toEqual(bundledJd[part as 'selectors' | 'ways']);
  });

  it('takes a licence page only on one of the site\'s own hosts, over https', () => {
    const licence = (url: string) => jdOf(mergeSites(SITES, withJd({ licenceUrl: url }), selectorParses)).licenceUrl;
    expect(licence('https://mall.jd.com/showLicence2-{id}.html')).toBe('https://mall.jd.com/showLicence2-{id}.html');
    expect(licence('https://licence.example.com/{id}')).toBe('https://mall.jd.com/showLicence-{id}.html');
    expect(licence('http://mall.jd.com/showLicence2-{id}.html')).toBe('https://mall.jd.com/showLicence-{id}.html');
    expect(licence('https://mall.jd.com/showLicence2.html')).toBe('https://mall.jd.com/showLicence-{id}.html');
  });

  it('the background builds the licence link from the merged adapter, and who writes the memory from the bundled one', () => {
    const sites = mergeSites(SITES, withJd({ licenceUrl: 'https://mall.jd.com/shopLicence-{id}.html', ways: { shopId: [{ from: 'url', pattern: '^https?://shop2026\\.jd\\.com/(\\d+)$' }] } }), () => true);
    expect(shopOfPage({ site: 'jd', id: '10001203' }, URL_, sites)).toMatchObject({ licenceUrl: 'https://mall.jd.com/shopLicence-10001203.html', writes: null });
    // A file's url way or licence page vouches for no page: adapter data finds the shop, it does not decide who writes.
    expect(shopOfPage({ site: 'jd', id: '10001203' }, 'https://shop2026.jd.com/10001203', sites)).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'jd', id: '10001203' }, 'https://mall.jd.com/shopLicence-10001203.html', sites)).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'jd', id: '10001203' }, 'https://mall.jd.com/showLicence-10001203.html', sites)).toMatchObject({ writes: 'licence' });
    expect(shopOfPage({ site: 'jd', id: '10001203' }, 'https://shop2026.jd.com/10001203')).toMatchObject({ licenceUrl: 'https://mall.jd.com/showLicence-10001203.html', writes: null });
  });

  it.each([['nothing', undefined], ['a string', 'x'], ['a list', [1, 2]], ['files without data', { a: 1, b: { data: null } }]])('storage holding %s leaves the bundled adapters', (_, value) => {
    expect(mergeSites(SITES, value, selectorParses)).toEqual(SITES);
  });

  it('the content script reads the files from extension storage', async () => {
    fakeBrowser.reset();
    expect(jdOf(await loadSites()).selectors.shopName).toEqual(bundledJd.selectors.shopName);
    await fakeBrowser.storage.local.set({ [ADAPTER_DATA_KEY]: stored(fixFile) });
    expect(jdOf(await loadSites()).selectors.shopName).toEqual(['.shop-card-v2 .shop-card-v2__title']);
  });
});
