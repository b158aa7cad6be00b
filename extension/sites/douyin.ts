import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/douyin/): shop.html (抖音电商 shop page), item.html (product page with the
shop bar), licence.html (店铺资质 page).
*/
export default defineSite({
  id: 'douyin',
  name: { zh: '抖音电商', en: 'Douyin shop' },
  matches: ['*://*.jinritemai.com/*', '*://haohuo.snssdk.com/*', '*://www.douyin.com/*'],
  // Product and shop views of the shop site (haohuo.jinritemai.com/views/product/item2|detail?id=…,
  // views/shop/index?id=…) and its older host haohuo.snssdk.com (views/product/item.html?id=…); douyin.com opens
  // shop windows inside its single-page app.
  pages: ['*://haohuo.jinritemai.com/*', '*://*.jinritemai.com/views/*', '*://haohuo.snssdk.com/views/*', '*://www.douyin.com/*'],
  exclude: [
    '*://www.douyin.com/search/*', '*://www.douyin.com/user/self*', '*://haohuo.jinritemai.com/views/order/*',
    '*://haohuo.snssdk.com/views/order/*', '*://buyin.jinritemai.com/*',
  ],
  testPaths: ['/sites/douyin/'],
  selectors: {
    shopName: [
      '[data-e2e="shop-name"]', // shop page header and product page shop bar
      '.shop-qualification-title', // 店铺资质 page
    ],
    licenceBlock: ['.shop-qualification', '.qualification-info'],
    hoverTitle: [],
    platformBlock: ['.platform-footer'], // the platform's own licence
  },
  ways: {
    shopName: [
      { from: 'script', pattern: '"shop_name"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,200})"', decode: 'json' }, // product state
      { from: 'near', controls: ['进店', '进入店铺', '关注店铺'] },
    ],
    shopId: [
      // Shop ids are digits (13939925088) or, on newer links, letters and digits (tMOiCrl).
      { from: 'url', pattern: '^https?://(?:haohuo\\.jinritemai\\.com|haohuo\\.snssdk\\.com)/views/shop/(?:index|multipleLicenses)\\?(?:[^#]*&)?id=([0-9A-Za-z]{1,32})(?:[&#]|$)' },
      { from: 'script', pattern: '"shop_id"\\s*:\\s*"?(\\d+)' },
    ],
    operator: [],
  },
  // The 商家资质 page of a shop, by its id (views/shop/multipleLicenses?id=<shop id>, as real links give it).
  licenceUrl: 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id={id}',
  kinds: {
    item: { pages: ['*://*.jinritemai.com/views/product/*', '*://haohuo.snssdk.com/views/product/*'], operator: false },
    licence: { pages: ['*://haohuo.jinritemai.com/views/shop/multipleLicenses*'], operator: true },
    shop: { pages: ['*://*.jinritemai.com/views/shop/*', '*://haohuo.snssdk.com/views/shop/*'], operator: false },
  },
});
