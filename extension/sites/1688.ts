import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/1688/): shop.html (winport shop home), item.html (detail page with the
company card), licence.html (公司档案 / 工商注册信息 page).
*/
export default defineSite({
  id: '1688',
  name: { zh: '1688', en: '1688' },
  matches: ['*://*.1688.com/*'],
  // Offers (detail.1688.com/offer/…) and each supplier's winport subdomain with its 公司档案.
  pages: ['*://*.1688.com/*'],
  exclude: ['*://www.1688.com/*', '*://s.1688.com/*', '*://login.1688.com/*', '*://work.1688.com/*', '*://cart.1688.com/*', '*://trade.1688.com/*'],
  testPaths: ['/sites/1688/'],
  selectors: {
    shopName: [
      '.company-name', // winport header and detail page company card
      '.archive-company-name', // 公司档案 page
    ],
    licenceBlock: ['.registration-info', '.company-archive'],
    hoverTitle: [],
    platformBlock: ['.footer-copyright', '#alibaba-footer'], // Alibaba's own licence
  },
});
