import { expect, test } from 'playwright/test';
import { DEMO_PORT } from '../../playwright.config';

const demo = `http://127.0.0.1:${DEMO_PORT}`;

test('xinbiao serve answers on localhost with the built widget and says the data are samples', async ({ page, request }) => {
  await page.goto(`${demo}/`);
  await expect(page.locator('body')).toContainText('示例数据');
  const js = await request.get(`${demo}/widget/xinbiao.js`);
  expect(js.status()).toBe(200);
  expect(js.headers()['content-type']).toContain('javascript');
  expect((await request.get(`${demo}/widget/../../package.json`)).status()).not.toBe(200);
});
