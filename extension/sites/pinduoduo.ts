import { defineSite } from './define-site';

/*
Recorded pages (test/fixtures/sites/pinduoduo/): shop.html (mall page header), item.html (goods page with the
store card), licence.html (店铺资质 page: labelled licence text).
*/
export default defineSite({
  id: 'pinduoduo',
  name: { zh: '拼多多', en: 'Pinduoduo' },
  matches: ['*://*.yangkeduo.com/*', '*://*.pinduoduo.com/*'],
  // The shopping site is one single-page app on mobile.yangkeduo.com, mobile.pinduoduo.com and bare yangkeduo.com
  // (goods.html?goods_id=…, goods_comments.html, mall_page.html?mall_id=…, 店铺资质 without reloads).
  pages: ['*://mobile.yangkeduo.com/*', '*://yangkeduo.com/*', '*://mobile.pinduoduo.com/*'],
  exclude: ['mobile.yangkeduo.com', 'yangkeduo.com', 'mobile.pinduoduo.com'].flatMap((h) =>
    ['login.html', 'search_result.html', 'orders.html', 'order.html', 'personal.html'].map((p) => `*://${h}/${p}*`)),
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
  ways: {
    shopName: [
      { from: 'script', pattern: '"mall(?:_n|N)ame"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,200})"', decode: 'json' }, // window.rawData state
      { from: 'near', controls: ['进店逛逛', '进店', '关注店铺', '收藏店铺'] },
    ],
    shopId: [
      // The shop's own page (may write the shop memory); then any address that names the shop.
      { from: 'url', pattern: '^https?://(?:mobile\\.|www\\.)?(?:yangkeduo|pinduoduo)\\.com/mall_(?:page|certificates)\\.html\\?(?:[^#]*&)?mall_id=(\\d+)' },
      { from: 'url', pattern: '[?&]mall_id=(\\d+)' },
      { from: 'script', pattern: '"mall(?:_i|I)[dD]"\\s*:\\s*"?(\\d+)' },
    ],
    operator: [],
  },
  // The 店铺资质 page (mall_certificates.html?mall_id=…) is opened from the app with further parameters (msn, the
  // goods it came from) that an address built from the shop id alone would lack: no licence link is offered.
  kinds: {
    item: { pages: ['mobile.yangkeduo.com', 'yangkeduo.com', 'mobile.pinduoduo.com'].map((h) => `*://${h}/goods*`), operator: false },
    licence: { pages: ['mobile.yangkeduo.com', 'yangkeduo.com', 'mobile.pinduoduo.com'].map((h) => `*://${h}/mall_certificates.html*`), operator: true },
    shop: { pages: ['mobile.yangkeduo.com', 'yangkeduo.com', 'mobile.pinduoduo.com'].map((h) => `*://${h}/mall_page.html*`), operator: false },
  },
});
