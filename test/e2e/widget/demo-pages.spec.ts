import { expect, test } from 'playwright/test';
import { axe, demo, markSettled, samplesIndex, watchCsp } from './support';

for (const shop of samplesIndex.shops) {
  test(`demo shop ${shop.slug}: mark ${shop.expectedMark}, verdict ${shop.expectedVerdict}, strict CSP, sample notice`, async ({ page }) => {
    const violations = await watchCsp(page);
    const res = await page.goto(`${demo}${shop.path}`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('body')).toContainText('示例数据，均为虚构');
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    await expect(mark).toHaveAttribute('data-outcome', shop.expectedMark);
    // The endpoint answers by USCC only: for a seller without one the widget cannot consult lists, so at most neutral.
    await expect(mark).toHaveAttribute('data-level', shop.uscc ? shop.expectedVerdict : 'neutral');
    expect(await violations()).toEqual([]);
  });
}

// 示例优选 declares a status list that the demo serves: the widget reads it as the extension does.
for (const [slug, outcome] of [['zaixian', 'genuine'], ['chehui', 'revoked']] as const) {
  test(`demo shop ${slug} of an issuer with a status list: mark ${outcome}`, async ({ page }) => {
    await page.goto(`${demo}/shops/${slug}/`);
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    await expect(mark).toHaveAttribute('data-outcome', outcome);
  });
}

test('black-listed shop shows a risk warning (风险提示) and the list entry in the card', async ({ page }) => {
  await page.goto(`${demo}/shops/shixin/`);
  // The platform's own 风险提示 on the page (P3), besides the mark's verdict.
  await expect(page.locator('main [role="alert"]')).toContainText('严重失信主体名单');
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await expect(mark.locator('button')).toContainText('风险提示');
  await mark.locator('button').click();
  const card = page.getByRole('dialog');
  await expect(card).toContainText('黑名单');
  await expect(card).toContainText('示例市市场监督管理局（虚构）');
});

test('counterfeit shop: the copied mark shows a warning instead of the licence', async ({ page }) => {
  await page.goto(`${demo}/shops/fake-youpin/`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await expect(mark.locator('button')).toContainText('标识无效');
  await expect(mark.locator('button')).not.toContainText('杭州示例优品');
  await mark.locator('button').click();
  await expect(page.getByRole('alert')).toContainText('/shops/youpin/');
  await expect(page.getByRole('dialog')).not.toContainText('统一社会信用代码');
});

test('individual seller: masked name and self-declaration, no licence', async ({ page }) => {
  await page.goto(`${demo}/shops/shougong/`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await mark.locator('button').click();
  const card = page.getByRole('dialog');
  await expect(card).toContainText('王*明');
  await expect(card).toContainText('自我声明');
  await expect(card).not.toContainText('营业执照');
});

for (const variant of ['expired', 'revoked-key', 'unknown-issuer', 'tampered', 'malformed']) {
  test(`invalid mark variant ${variant} is named and shows no licence`, async ({ page }) => {
    await page.goto(`${demo}/shops/youpin/variants/${variant}/`);
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    await expect(mark).toHaveAttribute('data-outcome', variant);
    await expect(mark.locator('button')).toContainText('标识无效');
  });
}

test('homepage query window checks the code as you type and links to the official searches', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${demo}/`);
  const input = page.locator('xinbiao-query input');
  const good = samplesIndex.shops[0]!.uscc!;
  await input.fill(good.slice(0, 10));
  await expect(page.locator('xinbiao-query #xq-m')).toContainText('10/18');
  await input.fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
  await expect(page.locator('xinbiao-query #xq-m')).toContainText('代码有误');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill(good);
  await expect(page.locator('xinbiao-query #xq-m')).toContainText('代码校验通过');
  const link = page.locator('xinbiao-query a', { hasText: '信用中国' });
  await expect(link).toHaveAttribute('href', new RegExp(`creditchina\\.gov\\.cn/.*keyword=${good}$`));
  await expect(page.locator('xinbiao-query a', { hasText: '公示系统' })).toHaveAttribute('href', /^https:\/\/www\.gsxt\.gov\.cn\//);
  await expect(page.locator('xinbiao-query a', { hasText: '信用江苏' })).toHaveAttribute('href', new RegExp(`keyword=${good}$`));
  expect(await violations()).toEqual([]);
});

test.describe('accessibility of the demo pages', () => {
  test.use({ bypassCSP: true }); // only so axe itself can be injected
  for (const path of ['/', '/shops/youpin/', '/shops/fake-youpin/']) {
    test(`axe-core finds no violations on ${path}`, async ({ page }) => {
      await page.goto(`${demo}${path}`);
      if (path !== '/') await markSettled(page.locator('xinbiao-mark'));
      else await page.locator('xinbiao-query input').waitFor();
      expect((await axe(page)).map((v) => v.id)).toEqual([]);
    });
  }
});

test('responsive: at 320 px wide the mark fits and opens a card that fits', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${demo}/shops/youpin/`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  expect((await mark.boundingBox())!.width).toBeLessThanOrEqual(300);
  await mark.locator('button').click();
  const box = (await page.getByRole('dialog').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
});
