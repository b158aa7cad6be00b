import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { axeViolations, badgeIs, badgeView, expect, test } from './fixtures';
import { watchList } from './gen-fixture-lists';

const LIST_PATH = '/sites/lists/watch.ndjson';

test('subscribe to a signed list, update it, and keep it when a tampered update fails', async ({ context, serviceWorker, extensionId, baseURL }) => {
  const listUrl = `${baseURL}${LIST_PATH}`;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('subscription')).toHaveCount(4); // the bundled samples
  await expect(options.getByTestId('demo-banner')).toContainText('信任公开的示例密钥');

  // Before: nobody lists this operator.
  const shop = await context.newPage();
  await shop.goto('/sites/jd/unknown.html');
  await badgeIs(serviceWorker, shop, { level: 'unknown' });

  await options.getByLabel(/名单地址/).fill(listUrl);
  await options.getByRole('button', { name: '订阅' }).click();
  const sub = options.locator(`[data-testid="subscription"][data-url="${listUrl}"]`);
  await expect(sub).toContainText('示例重点关注名单（测试）');
  await expect(sub).toContainText('版本: 1');
  await expect(options.getByTestId('lists-message')).toHaveText('已完成');
  const first = await sub.getByTestId('last-success').textContent();
  expect(first).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

  await shop.reload();
  await badgeIs(serviceWorker, shop, { level: 'danger' });

  // Update now: same file, the check is recorded.
  await options.waitForTimeout(1100); // the shown time has whole seconds; let one pass so a new check is visible
  await sub.getByRole('button', { name: '立即更新' }).click();
  await expect(sub.getByTestId('last-success')).not.toHaveText(first!);
  await expect(sub.getByTestId('list-error')).toHaveCount(0);

  // A tampered version 2 at the same URL: its bytes no longer match the signature next to it.
  await context.route(listUrl, (route) => route.fulfill({ contentType: 'application/x-ndjson', body: watchList(2, '篡改后的内容') }));
  await sub.getByRole('button', { name: '立即更新' }).click();
  await expect(sub.getByTestId('list-error')).toContainText('更新失败');
  await expect(sub.getByTestId('list-error')).toContainText('仍使用旧版本');
  await expect(sub).toContainText('版本: 1');
  // The old version still answers lookups.
  await shop.reload();
  await badgeIs(serviceWorker, shop, { level: 'danger' });
  await badgeView(serviceWorker, shop, 'click');
  await badgeIs(serviceWorker, shop, { dialog: expect.stringContaining('示例：虚假宣传，列入关注') });
  expect((await badgeView(serviceWorker, shop)).dialog).not.toContain('篡改后的内容');
});

test('language and theme persist across reloads', async ({ context, serviceWorker, extensionId }) => {
  void serviceWorker;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(options.locator('h1')).toContainText('设置');

  await options.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(options.locator('h1')).toContainText('Settings');
  await options.getByLabel('Theme', { exact: true }).selectOption('dark');
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  await options.reload();
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  await expect(options.locator('h1')).toContainText('Settings');
  await expect(options.getByLabel('Language', { exact: true })).toHaveValue('en');
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The popup follows the same settings.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Check a code or name' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');

  await options.getByLabel('Theme', { exact: true }).selectOption('auto');
  await options.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await options.reload();
  await expect(options.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(options.locator('h1')).toContainText('设置');
  await expect(options.getByLabel('主题', { exact: true })).toHaveValue('auto');
});

for (const theme of ['light', 'dark'] as const) {
  test(`options page has no axe violations (${theme})`, async ({ context, serviceWorker, extensionId }) => {
    await serviceWorker.evaluate((t) => chrome.storage.local.set({ settings: { language: 'zh-CN', theme: t, endpoints: [], generic: false } }), theme);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('subscription')).toHaveCount(4);
    await expect(options.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await axeViolations(options)).toEqual([]);
  });
}

test('the served list file is the one the generator writes', () => {
  // Guards against editing the fixture by hand: the tests above rely on its entry and signature.
  expect(readFileSync(resolve('test/fixtures/sites/lists/watch.ndjson'), 'utf8')).toBe(watchList(1, '示例：虚假宣传，列入关注'));
});
