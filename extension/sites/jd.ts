import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/jd/): shop.html (mall.jd.com shop home), item.html (item.jd.com with the
hover title on the shop name), licence.html (showLicence-<shopId>.html, li.qualification-item lines).
*/
export default defineSite({
  id: 'jd',
  name: { zh: '京东', en: 'JD' },
  matches: ['*://mall.jd.com/*', '*://item.jd.com/*', '*://*.jd.com/showLicence-*', '*://*.jd.hk/*'],
  // Shop homes (mall.jd.com/index-<shopId>.html), items, licence pages (showLicence-<shopId>.html), JD Worldwide.
  pages: ['*://mall.jd.com/*', '*://item.jd.com/*', '*://*.jd.com/showLicence-*', '*://item.jd.hk/*', '*://mall.jd.hk/*', '*://npcitem.jd.hk/*'],
  exclude: [],
  testPaths: ['/sites/jd/'],
  selectors: {
    shopName: [
      '.jShopHeaderArea .shop-name', // shop home header
      '.popbox-inner .name a', // item page shop card
      '.jLogo .shop-name', // showLicence header
    ],
    licenceBlock: ['.qualification-list', '.jScore .licence'],
    hoverTitle: ['.popbox-inner .name a[title]', '.J-hove-wrap [title]'],
    platformBlock: ['#footer-2017', '.mod_copyright'], // JD's own licence in the footer
  },
});
