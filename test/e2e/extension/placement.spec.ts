import { badge, expect, test } from './fixtures';

// Recorded platform pages whose badge is drawn beside the shop name (the anchored placement).
const PAGES = ['/sites/tmall/shop.html', '/sites/jd/item.html', '/sites/jd/licence.html', '/sites/pinduoduo/licence.html',
  '/sites/douyin/licence.html', '/sites/1688/licence.html'];

for (const width of [1280, 390]) {
  test(`the badge stays inside the viewport at ${width} px`, async ({ context, serviceWorker }) => {
    void serviceWorker;
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    for (const path of PAGES) {
      await page.goto(path);
      await expect(badge(page)).toBeVisible();
      const box = (await badge(page).boundingBox())!;
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      expect(box.x, `${path} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${path} right edge`).toBeLessThanOrEqual(viewport);
    }
  });
}
