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
  exclude: ['*://www.1688.com/*', '*://s.1688.com/*', '*://login.1688.com/*', '*://work.1688.com/*', '*://cart.1688.com/*', '*://trade.1688.com/*',
    '*://trade.m.1688.com/*', '*://m.1688.com/', '*://m.1688.com/?*'],
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
  ways: {
    shopName: [{ from: 'near', controls: ['进入店铺', '进店逛逛', '进店', '关注店铺', '收藏店铺'] }],
    shopId: [
      // The shop's own pages (may write the shop memory); then any address that names the shop.
      { from: 'url', pattern: '^https?://winport\\.m\\.1688\\.com/page/index\\.html\\?(?:[^#]*&)?memberId=(b2b-[0-9a-z]+)' },
      { from: 'url', pattern: '[?&]memberId=(b2b-[0-9a-z]+)' },
      { from: 'url', pattern: '^https?://(?:m\\.1688\\.com/winport/)?(b2b-[0-9a-z]+)(?:\\.1688\\.com/|\\.html)' },
      { from: 'script', pattern: '__INIT_DATA[\\s\\S]{0,50000}?"sellerMemberId"\\s*:\\s*"(b2b-[0-9a-z]+)"' }, // offer page state
    ],
    // The supplier company the offer page state names (globalData.tempModel.companyName).
    operator: [{ from: 'script', pattern: '__INIT_DATA[\\s\\S]{0,50000}?"companyName"\\s*:\\s*"((?:[^"\\\\]|\\\\.){2,200})"', decode: 'json' }],
  },
  // The offer page's state names the supplier company (ways.operator): item pages should show the operator.
  kinds: {
    item: { pages: ['*://detail.1688.com/offer/*', '*://m.1688.com/offer/*'], operator: true },
    // 公司档案 on the supplier's own subdomain (shop<id>.1688.com, b2b-<memberId>.1688.com or a chosen name).
    licence: { pages: ['*://*.1688.com/page/creditdetail.htm*'], operator: true },
    shop: { pages: ['*://winport.m.1688.com/*', '*://m.1688.com/winport/*', '*://*.1688.com/*'], operator: false },
  },
});
