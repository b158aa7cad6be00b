import type { BrowserContext, Worker } from 'playwright/test';
import { axeViolations, expect, storedReport, test } from './fixtures';

/** The tab id of the page with this URL, asked from the background. */
const tabIdOf = (sw: Worker, url: string) =>
  sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);

async function popupFor(context: BrowserContext, sw: Worker, extensionId: string, path: string) {
  const shop = await context.newPage();
  await shop.goto(path);
  await storedReport(sw, shop.url());
  const tabId = await tabIdOf(sw, shop.url());
  expect(tabId).toBeGreaterThan(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('popup lists the operators of the tab with verdicts and details', async ({ context, serviceWorker, extensionId }) => {
  const popup = await popupFor(context, serviceWorker, extensionId, '/sites/jd/black-listed.html');
  // The demo build says so on every page of its own (npm run build:release has no banner).
  await expect(popup.getByTestId('demo-banner')).toContainText('演示版');
  const subject = popup.getByTestId('subject');
  await expect(subject).toHaveCount(1);
  await expect(subject).toHaveAttribute('data-level', 'danger');
  await expect(subject).toContainText('深圳示例失信贸易有限公司');
  await expect(subject).toContainText('91990000MA5G3R035Y');
  // The list entry with its reason, authority and source.
  await expect(subject).toContainText('示例：销售假冒商品，情节严重');
  await expect(subject).toContainText('示例信用办');
});

test('popup on a tab without a shop says so', async ({ context, serviceWorker, extensionId }) => {
  const popup = await popupFor(context, serviceWorker, extensionId, '/sites/jd/shop.html');
  await expect(popup.getByTestId('none')).toBeVisible();
  await expect(popup.getByTestId('subject')).toHaveCount(0);
});

test('popup checks a valid code, refuses a mismatching one, and looks up a name', async ({ context, serviceWorker, extensionId }) => {
  void serviceWorker;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const input = popup.getByLabel('统一社会信用代码或名称');
  const result = popup.getByTestId('check-result');

  await input.fill('91990000MA2H7Q013E');
  await popup.getByRole('button', { name: '查询' }).click();
  await expect(result.getByTestId('subject')).toContainText('杭州示例优品商贸有限公司');
  await expect(result.getByTestId('subject')).toContainText('纳税信用等级');
  await expect(result.getByTestId('subject')).toHaveAttribute('data-level', 'neutral');

  // Last character changed: the check character no longer matches.
  await input.fill('91990000MA2H7Q0138');
  await input.press('Enter');
  await expect(result.locator('.error')).toContainText('代码校验未通过');
  await expect(result.getByTestId('subject')).toHaveCount(0);

  await input.fill('深圳示例失信贸易有限公司');
  await input.press('Enter');
  await expect(result.getByTestId('subject')).toHaveAttribute('data-level', 'danger');
  await expect(result.getByTestId('subject')).toContainText('91990000MA5G3R035Y');
});

for (const theme of ['light', 'dark'] as const) {
  test(`popup has no axe violations (${theme})`, async ({ context, serviceWorker, extensionId }) => {
    await serviceWorker.evaluate((t) => chrome.storage.local.set({ settings: { language: 'zh-CN', theme: t, endpoints: [], generic: false } }), theme);
    const popup = await popupFor(context, serviceWorker, extensionId, '/sites/tmall/shop.html');
    await expect(popup.getByTestId('subject')).toHaveCount(1);
    await expect(popup.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await axeViolations(popup)).toEqual([]);
  });
}

test('popup opens audit mode for its tab', async ({ context, serviceWorker, extensionId }) => {
  const popup = await popupFor(context, serviceWorker, extensionId, '/sites/jd/black-listed.html');
  const tabId = new URL(popup.url()).searchParams.get('tab');
  const link = popup.getByRole('link', { name: '审查此页' });
  await expect(link).toHaveAttribute('href', `/audit.html?tab=${tabId}`);
  const [audit] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await audit.waitForLoadState();
  expect(audit.url()).toBe(`chrome-extension://${extensionId}/audit.html?tab=${tabId}`);
  // Audit mode took the shop's tab as its page.
  await expect(audit.getByTestId('target')).toContainText('/sites/jd/black-listed.html');
});
