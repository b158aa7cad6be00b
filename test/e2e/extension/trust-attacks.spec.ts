import { badgeIs, badgeView, expect, test } from './fixtures';

test('a black-listed operator whose name hides a ZWJ and whose code hides a ZWSP is still danger', async ({ context, serviceWorker }) => {
  void serviceWorker;
  const page = await context.newPage();
  await page.goto('/sites/jd/invisible-characters.html');
  await badgeIs(serviceWorker, page, { level: 'danger' });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true, dialog: expect.stringContaining('示例：销售假冒商品，情节严重') });
});

test('a list signed with a platform key is refused on subscription: the badge stays as it was, options names the reason', async ({ context, serviceWorker, extensionId, baseURL }) => {
  void serviceWorker;
  const listUrl = `${baseURL}/sites/lists/platform-signed.ndjson`;
  const shop = await context.newPage();
  await shop.goto('/sites/jd/unknown.html');
  await badgeIs(serviceWorker, shop, { level: 'unknown' });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('subscription')).toHaveCount(4);
  await options.getByLabel(/名单地址/).fill(listUrl);
  await options.getByRole('button', { name: '订阅' }).click();
  const sub = options.locator(`[data-testid="subscription"][data-url="${listUrl}"]`);
  await expect(sub.getByTestId('list-error')).toContainText('签名密钥不属于名单发布者');
  await expect(sub).not.toContainText('守信红名单（平台密钥签署）');

  await shop.reload();
  await badgeIs(serviceWorker, shop, { level: 'unknown' });
  await badgeView(serviceWorker, shop, 'click');
  await badgeIs(serviceWorker, shop, { dialogOpen: true });
  expect((await badgeView(serviceWorker, shop)).dialog).not.toContain('平台自称的守信激励');
});
