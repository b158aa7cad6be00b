import { badgeIs, badgeView, expect, servePlatformPages, test } from './fixtures';

// Douyin's own addresses (real shapes: views/shop/index?id=<shop id>, and the shop's 商家资质 page at
// views/shop/multipleLicenses?id=<shop id>), answered from the fixture server through the browser's router.
const DOUYIN = /^https?:\/\/haohuo\.jinritemai\.com\//;
const SHOP = 'https://haohuo.jinritemai.com/views/shop/index?id=13939925088';
const LICENCE = 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=13939925088';
const OTHER_LICENCE = 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=24400000001';
const PAGES: Record<string, string> = { [SHOP]: '/sites/douyin/shop.html', [LICENCE]: '/sites/douyin/licence.html', [OTHER_LICENCE]: '/sites/douyin/licence.html' };
// The operator the recorded 商家资质 page names (a repaired abnormal-list entry: neutral).
const OPERATOR = '北京示例修复图书有限公司';

test("Douyin: the shop page links its 商家资质 page; once that page is read, the shop page names its operator", async ({ context, serviceWorker, baseURL }) => {
  const elsewhere = await servePlatformPages(context, baseURL!, DOUYIN, PAGES);
  const page = await context.newPage();

  await page.goto(SHOP);
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知：请打开本店营业执照页') });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  expect((await badgeView(serviceWorker, page)).links).toContain(`本店营业执照页 ${LICENCE}`);

  // Another shop's 商家资质 page is read for that shop only: this shop stays unknown.
  await page.goto(OTHER_LICENCE);
  await badgeIs(serviceWorker, page, { level: 'neutral', button: expect.stringContaining(OPERATOR) });
  await page.goto(SHOP);
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知') });

  await page.goto(LICENCE);
  await badgeIs(serviceWorker, page, { level: 'neutral', button: expect.stringContaining(OPERATOR) });
  await page.goto(SHOP);
  await badgeIs(serviceWorker, page, { level: 'neutral', button: expect.stringContaining(OPERATOR) });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  const { dialog, links } = await badgeView(serviceWorker, page);
  expect(dialog).toMatch(/经营者信息读取自本店营业执照页 \d{4}-\d{2}-\d{2}/);
  expect(links).toContain(`本店营业执照页 ${LICENCE}`);
  expect(elsewhere).toEqual([]);
});
