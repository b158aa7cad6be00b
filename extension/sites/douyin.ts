import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/douyin/): shop.html (抖音电商 shop page), item.html (product page with the
shop bar), licence.html (店铺资质 page).
*/
export default defineSite({
  id: 'douyin',
  name: { zh: '抖音电商', en: 'Douyin shop' },
  matches: ['*://haohuo.jinritemai.com/*', '*://*.jinritemai.com/*', '*://www.douyin.com/*'],
  // Product and shop views of the shop site; douyin.com opens shop windows inside its single-page app.
  pages: ['*://haohuo.jinritemai.com/*', '*://*.jinritemai.com/views/*', '*://www.douyin.com/*'],
  exclude: ['*://www.douyin.com/search/*', '*://www.douyin.com/user/self*'],
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
});
