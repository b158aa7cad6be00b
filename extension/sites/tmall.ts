import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/tmall/): shop.html (shop home header with 查看商家公示信息),
item.html (item page with the shop card), licence.html (zhaoshang.tmall.com liangzhao page text).
*/
export default defineSite({
  id: 'tmall',
  name: { zh: '天猫 / 淘宝', en: 'Tmall / Taobao' },
  matches: ['*://*.tmall.com/*', '*://*.taobao.com/*', '*://*.tmall.hk/*'],
  // Shops live on their own subdomain (xxx.tmall.com, shop123.taobao.com): the hosts stay wide, the portal pages are left out.
  pages: ['*://*.tmall.com/*', '*://*.taobao.com/*', '*://detail.tmall.hk/*'],
  exclude: [
    '*://www.tmall.com/*', '*://list.tmall.com/*', '*://cart.tmall.com/*', '*://login.tmall.com/*', '*://buy.tmall.com/*',
    '*://www.taobao.com/*', '*://s.taobao.com/*', '*://cart.taobao.com/*', '*://login.taobao.com/*', '*://buy.taobao.com/*',
    '*://i.taobao.com/*', '*://buyertrade.taobao.com/*', '*://world.taobao.com/*', '*://ai.taobao.com/*',
  ],
  testPaths: ['/sites/tmall/'],
  selectors: {
    shopName: [
      '.shop-name-link', // shop home header
      '.slogo-shopname', // item page shop card
      '.shopLink', // older item page header
      '.licence-shop-name', // liangzhao page title
    ],
    licenceBlock: ['.liangzhao-info', '.shop-qualification', '#J_ShopInfo'],
    hoverTitle: [],
    platformBlock: ['.tm-footer', '#footer .copyright'], // platform footer with Tmall's own licence
  },
});
