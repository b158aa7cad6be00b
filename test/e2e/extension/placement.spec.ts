import { badgeCover, badgeView, expect, test } from './fixtures';

// Every recorded platform page that shows a badge at its fixture address: those that print the operator, on each
// platform. Item and shop pages that print no operator show one only once the shop's licence page was read at the
// shop's real address (shop-memory.spec.ts).
const PAGES = ['/sites/tmall/item.html', '/sites/tmall/shop.html', '/sites/tmall/licence.html', '/sites/jd/item.html',
  '/sites/jd/licence.html', '/sites/pinduoduo/licence.html', '/sites/douyin/licence.html', '/sites/1688/licence.html'];

for (const width of [1280, 390]) {
  test(`the badge stays inside the viewport and covers no page text at ${width} px`, async ({ context, serviceWorker }) => {
    test.setTimeout(120_000);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    // Every page is measured before the test fails, so one run names every page that misplaces the badge.
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      const shown = await expect.poll(async () => (await badgeView(serviceWorker, page)).visible, { timeout: 10_000 }).toBe(true).then(() => true, () => false);
      if (!shown) { problems.push(`${path}: no badge shown`); continue; }
      // Placement settles in the next frames (images sized): measure once two readings 300 ms apart agree.
      let { box, covered } = await badgeCover(serviceWorker, page);
      for (let i = 0; i < 10; i++) {
        await page.waitForTimeout(300);
        const again = await badgeCover(serviceWorker, page);
        const same = JSON.stringify(again.box) === JSON.stringify(box);
        ({ box, covered } = again);
        if (same) break;
      }
      if (!box) { problems.push(`${path}: no badge box`); continue; }
      if (box.left < 0 || box.right > box.viewport || box.top < 0 || box.bottom > 800) problems.push(`${path}: outside the viewport ${JSON.stringify(box)}`);
      if (covered.length) problems.push(`${path}: covers ${JSON.stringify(covered)} at ${Math.round(box.left)},${Math.round(box.top)}`);
      // Still the badge a shopper clicks: nothing of the page lies over it.
      if ((await badgeView(serviceWorker, page)).onTop !== true) problems.push(`${path}: something of the page lies over the badge`);
    }
    expect(problems).toEqual([]);
  });
}
