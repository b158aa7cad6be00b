import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/tmall/): shop.html (shop home header with 查看商家公示信息),
item.html (item page with the shop card), licence.html (zhaoshang.tmall.com liangzhao page text).
*/
export default defineSite({
  id: 'tmall',
  name: { zh: '天猫 / 淘宝', en: 'Tmall / Taobao' },
  matches: ['*://*.tmall.com/*', '*://*.taobao.com/*', '*://*.tmall.hk/*', '*://*.liangxinyao.com/*', '*://detail.yao.95095.com/*'],
  // Shops live on their own subdomain (xxx.tmall.com, xxx.m.tmall.com, shop123.taobao.com, xxx.tmall.hk,
  // maiyao.liangxinyao.com): the hosts stay wide, the portal pages are left out. Items: detail(.m).tmall.com,
  // detail.tmall.hk/hk/item.htm, item.taobao.com, world.taobao.com/item/<id>.htm, Tmall pharmacy
  // (detail.liangxinyao.com, detail.yao.95095.com).
  pages: ['*://*.tmall.com/*', '*://*.taobao.com/*', '*://*.tmall.hk/*', '*://*.liangxinyao.com/*', '*://detail.yao.95095.com/*'],
  exclude: [
    '*://www.tmall.com/*', '*://list.tmall.com/*', '*://cart.tmall.com/*', '*://login.tmall.com/*', '*://buy.tmall.com/*',
    '*://rate.tmall.com/*', '*://www.tmall.hk/*', '*://www.taobao.com/*', '*://s.taobao.com/*', '*://cart.taobao.com/*',
    '*://login.taobao.com/*', '*://buy.taobao.com/*', '*://i.taobao.com/*', '*://buyertrade.taobao.com/*',
    '*://ai.taobao.com/*', '*://h5.m.taobao.com/awp/base/*', '*://h5.m.taobao.com/mlapp/*',
    // world.taobao.com is a portal except its item pages (world.taobao.com/item/<id>.htm).
    '*://world.taobao.com/', '*://world.taobao.com/?*', '*://world.taobao.com/search/*',
  ],
  testPaths: ['/sites/tmall/'],
  selectors: {
    shopName: [
      '.shop-name-link', // shop home header
      '.slogo-shopname', // item page shop card
      '.shopLink', // older item page header
      '.licence-shop-name', // liangzhao page title
      '#side-shop-info .name', // item page 商家信息 card (2013): bare text before the message link
    ],
    licenceBlock: ['.liangzhao-info', '.shop-qualification', '#J_ShopInfo'],
    hoverTitle: [],
    platformBlock: ['.tm-footer', '#footer .copyright'], // platform footer with Tmall's own licence
  },
  ways: {
    shopName: [
      { from: 'script', pattern: '_DATA_Detail[\\s\\S]{0,20000}?"shopName"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,200})"', decode: 'json' }, // mobile item state
      { from: 'script', pattern: 'TShop\\.Setup[\\s\\S]{0,20000}?"sellerNickName"\\s*:\\s*[\'"]([%0-9A-Za-z._-]{1,600})[\'"]', decode: 'uri' }, // item state (2013+)
      { from: 'near', controls: ['进入店铺', '进店逛逛', '进店', '关注店铺'] },
      { from: 'selector', selector: '#side-shop-info .name', own: true },
    ],
    shopId: [
      { from: 'script', pattern: '_DATA_Detail[\\s\\S]{0,20000}?"shopId"\\s*:\\s*"?(\\d+)' },
      { from: 'script', pattern: 'TShop\\.Setup[\\s\\S]{0,2000}?\\brstShopId\\s*:\\s*[\'"]?(\\d+)' },
      { from: 'url', pattern: '^https?://shop(\\d+)\\.(?:m\\.)?taobao\\.com/' },
      { from: 'selector', selector: 'meta[name="microscope-data"]', attr: 'content', pattern: '\\bshopId=(\\d+)' },
    ],
    operator: [],
  },
  kinds: {
    item: {
      pages: ['*://detail.tmall.com/*', '*://detail.m.tmall.com/*', '*://detail.tmall.hk/*', '*://item.taobao.com/*', '*://world.taobao.com/item/*',
        '*://detail.liangxinyao.com/*', '*://detail.yao.95095.com/*'],
      operator: false,
    },
    // 商家公示信息 (…/liangzhao.htm?xid=<32 hex>, not the shop id), on the older Taobao mall host too.
    licence: { pages: ['*://zhaoshang.tmall.com/maintaininfo/liangzhao.htm*', '*://zhaoshang.mall.taobao.com/maintaininfo/liangzhao.htm*'], operator: true },
    shop: { pages: ['*://*.tmall.com/*', '*://*.taobao.com/*', '*://*.tmall.hk/*', '*://*.liangxinyao.com/*'], operator: false },
  },
});
