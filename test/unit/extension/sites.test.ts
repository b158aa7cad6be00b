import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITES, siteFor, matchesPattern, contentMatches, contentExcludes, hostMatches } from '../../../extension/sites';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('site adapters', () => {
  it.each([
    ['https://mall.jd.com/index-1000.html', 'jd'],
    ['https://item.jd.com/100012.html', 'jd'],
    ['https://shop123.taobao.com/', 'tmall'],
    ['https://detail.tmall.com/item.htm?id=1', 'tmall'],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=1', 'pinduoduo'],
    ['https://haohuo.jinritemai.com/views/shop/index?id=1', 'douyin'],
    ['https://detail.1688.com/offer/1.html', '1688'],
    ['http://127.0.0.1:4173/sites/jd/item.html', 'jd'],
    ['http://localhost:4173/sites/tmall/shop.html', 'tmall'],
  ])('%s → %s', (url, id) => expect(siteFor(url, SITES)?.id).toBe(id));

  it.each(['https://example.com/', 'http://127.0.0.1:4173/sites/other/plain.html', 'https://evil-jd.com/', 'not a url',
    'https://www.taobao.com/', 'https://s.taobao.com/search?q=1', 'https://www.1688.com/', 'https://www.jd.com/'])('%s → none', (url) =>
    expect(siteFor(url, SITES)).toBeUndefined());

  it('match patterns follow the WebExtension rules', () => {
    expect(matchesPattern('*://*.tmall.com/*', new URL('https://tmall.com/x'))).toBe(true);
    expect(matchesPattern('*://*.tmall.com/*', new URL('https://nottmall.com/x'))).toBe(false);
    expect(matchesPattern('*://*.tmall.com/*', new URL('ftp://a.tmall.com/x'))).toBe(false);
  });

  it('every adapter has its recorded shop, item and licence pages', () => {
    for (const s of SITES) {
      for (const page of ['shop', 'item', 'licence']) expect(existsSync(resolve(ROOT, `test/fixtures/sites/${s.id}/${page}.html`)), `${s.id}/${page}`).toBe(true);
    }
  });

  it('every adapter file is registered in sites/index.ts', () => {
    const index = readFileSync(resolve(ROOT, 'extension/sites/index.ts'), 'utf8');
    for (const s of SITES) expect(index).toContain(`./${s.id}'`);
    expect(hostMatches(SITES)).toContain('http://127.0.0.1/*');
  });

  it('the content script is listed only for the shop/item/licence pages and the recorded ones, on any port', () => {
    const matches = contentMatches(SITES);
    for (const s of SITES) for (const p of s.pages) expect(matches).toContain(p);
    expect(matches).toContain('http://127.0.0.1/sites/tmall/*');
    expect(matches).toContain('http://localhost/sites/1688/*');
    expect(matches.some((m) => m.endsWith('://127.0.0.1/*') || m === '<all_urls>' || m.startsWith('*://*/'))).toBe(false);
    // Chrome and Firefox reject a port in a match pattern.
    expect(matches.every((m) => !/^[^/]+:\/\/[^/]*:\d/.test(m))).toBe(true);
    expect(contentExcludes(SITES)).toContain('*://s.taobao.com/*');
  });

  it('every listed page is inside the host permissions (the background injects there)', () => {
    const hosts = hostMatches(SITES);
    for (const p of contentMatches(SITES)) {
      const url = new URL(p.replace(/^\*/, 'https').replace('://*.', '://x.').replaceAll('*', 'x'));
      expect(hosts.some((h) => matchesPattern(h, url)), p).toBe(true);
    }
  });
});
