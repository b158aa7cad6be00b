import type { BrowserContext, Page, Worker } from 'playwright/test';
import { badgeIs, badgeTextOf, badgeView, expect, storedReport, test } from './fixtures';

// The shopper reads one story: exact words for fixed states, in both languages, from the built extension.

async function setLanguage(sw: Worker, language: 'zh-CN' | 'en') {
  await sw.evaluate((l) => chrome.storage.local.set({ settings: { language: l, theme: 'auto', endpoints: [], generic: false } }), language);
}

async function popupFor(context: BrowserContext, sw: Worker, extensionId: string, shop: Page) {
  await storedReport(sw, shop.url());
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, shop.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('borrowed identity: a made-up name on a red-listed code is not trusted, and the registered name is shown', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/borrowed-identity.html');
  await badgeIs(serviceWorker, page, { level: 'caution', button: expect.stringContaining('连云港示例守信电子商务有限公司') });
  const { button } = await badgeView(serviceWorker, page);
  expect(button).toContain('注意 · 页面所示名称与该代码的登记名称不符（页面自称“深圳示例假冒贸易有限公司”）');
  expect(button).not.toContain('可信');
  await badgeView(serviceWorker, page, 'click');
  await badgeTextOf(serviceWorker, page, 'dialog h2').toBe('连云港示例守信电子商务有限公司');
  // Only the facts behind the level: the red-list entry is in the details, not in the caution box.
  await badgeTextOf(serviceWorker, page, 'dialog #xb-v').toBe('注意：页面所示名称与该代码的登记名称不符（页面自称“深圳示例假冒贸易有限公司”）');
  await badgeTextOf(serviceWorker, page, 'dialog li.good').toContain('红名单（守信激励）：示例：连续三年纳税信用 A 级、无不良记录');
  // Freshness: the list publisher's issue date and expiry.
  await badgeTextOf(serviceWorker, page, 'dialog li.good').toContain('（数据来源：示例信用办，发布 2026-11-01，至 2036-12-31，更新于');

  const popup = await popupFor(context, serviceWorker, extensionId, page);
  const subject = popup.getByTestId('subject');
  await expect(subject.locator('b').first()).toHaveText('连云港示例守信电子商务有限公司');
  await expect(subject.getByTestId('claimed')).toHaveText('页面自称：深圳示例假冒贸易有限公司');
  await expect(subject).toContainText('红名单（守信激励）：示例：连续三年纳税信用 A 级、无不良记录');
});

test('the same states in English: phrases, not codes, with English punctuation', async ({ context, serviceWorker, extensionId }) => {
  await setLanguage(serviceWorker, 'en');
  const page = await context.newPage();
  await page.goto('/sites/jd/borrowed-identity.html');
  await badgeIs(serviceWorker, page, { button: expect.stringContaining('Caution · The name on this page is not the name registered for its code (page claims “深圳示例假冒贸易有限公司”)') });
  await badgeView(serviceWorker, page, 'click');
  await badgeTextOf(serviceWorker, page, 'dialog #xb-v').toBe('Caution: The name on this page is not the name registered for its code (page claims “深圳示例假冒贸易有限公司”)');
  await badgeTextOf(serviceWorker, page, 'dialog li.good').toContain('Red list (trustworthy): ');
  await badgeTextOf(serviceWorker, page, 'dialog li.good').toContain(' (Source: 示例信用办, issued 2026-11-01, until 2036-12-31, refreshed ');

  const black = await context.newPage();
  await black.goto('/sites/jd/black-listed.html');
  const popup = await popupFor(context, serviceWorker, extensionId, black);
  const subject = popup.getByTestId('subject');
  await expect(subject).toContainText('Black list: 示例：销售假冒商品，情节严重');
  await expect(subject).not.toContainText('black:');
  await expect(subject).toContainText('USCC: 91990000MA5G3R035Y');
});

test('a red risk box lists only the danger, and a copied mark reads as a phrase', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/black-listed.html');
  await badgeIs(serviceWorker, page, { level: 'danger' });
  await badgeView(serviceWorker, page, 'click');
  await badgeTextOf(serviceWorker, page, 'dialog #xb-v').toMatch(/^风险提示：列入黑名单/);
  await badgeTextOf(serviceWorker, page, 'dialog #xb-v').not.toContain('标识有效');
  await badgeTextOf(serviceWorker, page, 'dialog #xb-v').not.toContain('未发现问题');

  const copied = await context.newPage();
  await copied.goto('/sites/jd/copied-mark.html');
  await badgeIs(serviceWorker, copied, { level: 'danger' });
  await badgeView(serviceWorker, copied, 'click');
  await badgeTextOf(serviceWorker, copied, 'dialog [role="alert"]').toBe('标识被挪用：它属于另一个店铺或网站');
});
