import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/pinduoduo/): shop.html (mall page header), item.html (goods page with the
store card), licence.html (店铺资质 page: labelled licence text).
*/
export default defineSite({
  id: 'pinduoduo',
  name: { zh: '拼多多', en: 'Pinduoduo' },
  matches: ['*://mobile.yangkeduo.com/*', '*://*.pinduoduo.com/*'],
  // The shopping site is one single-page app on mobile.yangkeduo.com (goods, mall page, 店铺资质 without reloads).
  pages: ['*://mobile.yangkeduo.com/*'],
  exclude: ['*://mobile.yangkeduo.com/login.html*', '*://mobile.yangkeduo.com/search_result.html*', '*://mobile.yangkeduo.com/orders.html*'],
  testPaths: ['/sites/pinduoduo/'],
  selectors: {
    shopName: [
      '.mall-name', // mall page header and goods page store card
      '.qualification-mall-name', // 店铺资质 page
    ],
    licenceBlock: ['.mall-qualification', '.qualification-card'],
    hoverTitle: [],
    platformBlock: ['.footer-license'], // Pinduoduo's own licence
  },
});
