import type { BrowserContext } from 'playwright/test';
import { badgeIs, badgeView, expect, servePlatformPages, tabIdOf, test } from './fixtures';
import { JD, JD_OPERATOR as OPERATOR, JD_PAGES as PAGES } from './jd-shop-pages';

// JD's own addresses (jd-shop-pages.ts), answered from the fixture server through the browser's router.

/** Serves PAGES (any other JD address: 404); returns the browser's requests that went anywhere else. */
const serveJd = (context: BrowserContext, baseURL: string) => servePlatformPages(context, baseURL, JD, PAGES);

test("licence page, then the shop's item page: the badge names the remembered operator, where and when it was read", async ({ context, serviceWorker, extensionId, baseURL }) => {
  const elsewhere = await serveJd(context, baseURL!);
  const page = await context.newPage();

  // An item page names the operator (hover title) but its address does not carry the shop id: shown, never remembered.
  await page.goto('https://item.jd.com/100012000001.html');
  await badgeIs(serviceWorker, page, { level: 'good', button: expect.stringContaining(OPERATOR) });

  // A shop never seen: operator not known yet, and the details link to that shop's licence page.
  await page.goto('https://item.jd.com/100033000001.html');
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知：请打开本店营业执照页') });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  expect((await badgeView(serviceWorker, page)).links).toContain('本店营业执照页 https://mall.jd.com/showLicence-10033030.html');

  // The item page of shop 10001201 prints no operator: before its licence page was opened, not known yet.
  await page.goto('https://item.jd.com/100012000002.html');
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知') });

  await page.goto('https://mall.jd.com/showLicence-10001201.html');
  await badgeIs(serviceWorker, page, { level: 'good', button: expect.stringContaining(OPERATOR) });

  await page.goto('https://item.jd.com/100012000002.html');
  // Resolved like a detected subject: the sample lists give this operator the same verdict as on its licence page.
  await badgeIs(serviceWorker, page, { level: 'good', button: expect.stringContaining(OPERATOR) });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  const { dialog, links } = await badgeView(serviceWorker, page);
  expect(dialog).toMatch(/经营者信息读取自本店营业执照页 \d{4}-\d{2}-\d{2}/);
  expect(links).toContain('本店营业执照页 https://mall.jd.com/showLicence-10001201.html');
  // The popup's view of the tab says it too.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(serviceWorker, page.url())}`);
  await expect(popup.getByTestId('subject')).toContainText(OPERATOR);
  await expect(popup.getByTestId('read-on')).toHaveText(/^经营者信息读取自本店营业执照页 \d{4}-\d{2}-\d{2}$/);
  await popup.close();

  // The other shop still has no operator: the memory is keyed by shop.
  await page.goto('https://item.jd.com/100033000001.html');
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知') });

  // 清除数据 on the options page forgets it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: '清除数据' }).click();
  await expect(options.getByTestId('cleared')).toHaveText('已清除');
  await page.goto('https://item.jd.com/100012000002.html');
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知') });
  // Nothing of this left the browser: every request was a page above, the fixture server's or the extension's own.
  expect(elsewhere).toEqual([]);
});

test('in English the badge says the operator is not known yet', async ({ context, serviceWorker, baseURL }) => {
  await serveJd(context, baseURL!);
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'en', theme: 'auto', endpoints: [], generic: false } }));
  const page = await context.newPage();
  await page.goto('https://item.jd.com/100033000001.html');
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining("Operator not known yet: open this shop's licence page") });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  expect((await badgeView(serviceWorker, page)).links).toContain("This shop's licence page https://mall.jd.com/showLicence-10033030.html");
});
