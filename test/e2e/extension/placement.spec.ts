import { badgeIs, badgeView, expect, test } from './fixtures';

// Recorded platform pages whose badge is drawn beside the shop name (the anchored placement).
const PAGES = ['/sites/tmall/shop.html', '/sites/jd/item.html', '/sites/jd/licence.html', '/sites/pinduoduo/licence.html',
  '/sites/douyin/licence.html', '/sites/1688/licence.html'];

for (const width of [1280, 390]) {
  test(`the badge stays inside the viewport at ${width} px`, async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    for (const path of PAGES) {
      await page.goto(path);
      await badgeIs(serviceWorker, page, { visible: true });
      const { box } = await badgeView(serviceWorker, page);
      expect(box!.left, `${path} left edge`).toBeGreaterThanOrEqual(0);
      expect(box!.right, `${path} right edge`).toBeLessThanOrEqual(box!.viewport);
    }
  });
}
