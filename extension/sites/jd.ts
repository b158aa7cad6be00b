import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/jd/): shop.html (mall.jd.com shop home), item.html (item.jd.com with the
hover title on the shop name), licence.html (showLicence-<shopId>.html, li.qualification-item lines).
*/
export default defineSite({
  id: 'jd',
  name: { zh: '京东', en: 'JD' },
  matches: ['*://*.jd.com/*', '*://*.jd.hk/*', '*://*.yiyaojd.com/*'],
  // Real shapes: item.jd.com/<sku>.html, item.m.jd.com/product/<sku>.html, mall.jd.com/index-<shopId>.html,
  // shop.m.jd.com/?shopId=<id>, mall.jd.com/showLicence-<shopId>.html, brand shops on <brand>.jd.com, JD Health
  // (item.yiyaojd.com/<sku>.html), JD Worldwide (npcitem.jd.hk/<sku>.html, item.jd.hk, mall.jd.hk).
  pages: ['*://*.jd.com/*', '*://*.jd.hk/*', '*://item.yiyaojd.com/*', '*://mall.yiyaojd.com/*'],
  // JD's portal, search, cart, orders, account and help pages never show one shop.
  exclude: [
    '*://jd.com/*', '*://www.jd.com/*', '*://search.jd.com/*', '*://list.jd.com/*', '*://pmsearch.jd.com/*', '*://channel.jd.com/*',
    '*://cart.jd.com/*', '*://p.m.jd.com/*', '*://order.jd.com/*', '*://trade.jd.com/*', '*://home.jd.com/*', '*://passport.jd.com/*',
    '*://plogin.m.jd.com/*', '*://help.jd.com/*', '*://so.m.jd.com/*', '*://www.jd.hk/*', '*://search.jd.hk/*',
  ],
  testPaths: ['/sites/jd/'],
  selectors: {
    shopName: [
      '.jShopHeaderArea .shop-name', // shop home header
      '#crumb-wrap .contact .name a', // item page crumb bar (2017+)
      '#popbox .popbox-inner .mt h3 a', // item page pop-up card heading (2017+)
      '.seller-infor a.name', // item page shop card (2015)
      '.jLogo .shop-name', // showLicence header
    ],
    licenceBlock: ['.qualification-list', '.jScore .licence'],
    hoverTitle: ['.J-hove-wrap .name a[title]', '#popbox .mt h3 a[title]'],
    platformBlock: ['#footer-2017', '.mod_copyright'], // JD's own licence in the footer
  },
  ways: {
    shopName: [{ from: 'near', controls: ['进入店铺', '进店逛逛', '进店', '关注店铺'] }],
    shopId: [
      { from: 'url', pattern: '^https?://mall\\.jd\\.(?:com|hk)/(?:index|showLicence|shopLevel)-(\\d+)\\.html' },
      { from: 'url', pattern: '^https?://shop\\.m\\.jd\\.com/[^?#]*\\?(?:[^#]*&)?shopId=(\\d+)' },
      { from: 'script', pattern: 'pageConfig[\\s\\S]{0,4000}?\\bshopId\\s*:\\s*[\'"]?(\\d+)' }, // item pages' state object
      { from: 'near', controls: ['进入店铺', '进店逛逛', '进店', '关注店铺'], attr: 'href', pattern: 'mall\\.jd\\.(?:com|hk)/index-(\\d+)\\.html' },
    ],
    operator: [],
  },
  licenceUrl: 'https://mall.jd.com/showLicence-{id}.html',
  kinds: {
    item: { pages: ['*://item.jd.com/*', '*://item.m.jd.com/*', '*://item.yiyaojd.com/*', '*://npcitem.jd.hk/*', '*://item.jd.hk/*'], operator: false },
    licence: { pages: ['*://mall.jd.com/showLicence-*', '*://mall.jd.hk/showLicence-*'], operator: true },
    // Shop homes, the mobile shop and brand shops on their own subdomain: the rest of what `pages` claims.
    shop: { pages: ['*://mall.jd.com/*', '*://mall.jd.hk/*', '*://shop.m.jd.com/*', '*://mall.yiyaojd.com/*', '*://*.jd.com/*'], operator: false },
  },
});
