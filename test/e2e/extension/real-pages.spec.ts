import { badgeIs, badgeView, expect, storedReport, test } from './fixtures';

// Real platform pages (../shared/real-pages, served in place under their platform's test path) in Chromium with the
// built extension: what a person reading each page says holds for the badge the shopper sees.
test.describe('real platform pages with the built extension', () => {
  test("JD item page (2015, GBK): decoded by its own charset, no operator on the page: not known yet, with the shop's licence page", async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/sites/jd/real/jd-item-airmate-2015-gbk.html');
    await expect(page).toHaveTitle(/艾美特/);
    await expect(page.locator('.seller-infor a.name')).toHaveText('艾美特生活电器旗舰店');
    // The shop id comes from the page's pageConfig; no operator was ever read for it on this device.
    expect((await storedReport(serviceWorker, page.url())).subjects).toMatchObject([{ name: '', level: 'unknown' }]);
    await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知：请打开本店营业执照页') });
    await badgeView(serviceWorker, page, 'click');
    await badgeIs(serviceWorker, page, { links: expect.arrayContaining(['本店营业执照页 https://mall.jd.com/showLicence-1000001414.html']) });
  });

  test('Tmall item page (2013): the 商家信息 card names no operator, and the 产品名称 line is not one: not known yet', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/sites/tmall/real/tmall-item-winshare-2013.html');
    // The shop id comes from TShop.Setup's rstShopId; no name from the page stands in for the operator.
    expect((await storedReport(serviceWorker, page.url())).subjects).toMatchObject([{ key: 'shop:tmall:57300329', name: '', level: 'unknown' }]);
    await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知：请打开本店营业执照页') });
    // Tmall has no licence page addressable by shop id: the details link none.
    await badgeView(serviceWorker, page, 'click');
    await badgeIs(serviceWorker, page, { dialogOpen: true });
    expect((await badgeView(serviceWorker, page)).links.filter((l) => l.startsWith('本店营业执照页'))).toEqual([]);
  });

  test("1688 offer page: the supplier company from the page's own data (window.__INIT_DATA) gets the badge", async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/sites/1688/real/1688-detail-init-data.html');
    const report = await storedReport(serviceWorker, page.url());
    expect(report.subjects.map((s) => s.name)).toEqual(['广州欧博化妆品有限公司']);
    await badgeIs(serviceWorker, page, { button: expect.stringContaining('广州欧博化妆品有限公司') });
  });
});

// Footers shaped like the real ones (ICP and 公安备案 numbers as text, a company on the copyright line).
test.describe('text the real footers write, with the built extension', () => {
  test('a company name only on the copyright line is not looked up: no good badge for a red-listed name anyone can write', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/sites/jd/copyright-only.html');
    await expect(page.locator('.copyright')).toContainText('连云港示例守信电子商务有限公司');
    expect((await storedReport(serviceWorker, page.url())).subjects).toEqual([]);
    expect((await badgeView(serviceWorker, page)).level).not.toBe('good');
  });
});
