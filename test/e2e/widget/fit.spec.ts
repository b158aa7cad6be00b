import { expect, test } from 'playwright/test';
import { demo, markSettled } from './support';

// The mark reserves its box before data arrives; what it draws later must stay inside that box at every width.
for (const width of [320, 768, 1280]) {
  test(`the shop mark stays inside its reserved box at ${width}px, and the page does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto(`${demo}/shops/youpin/`);
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    const boxes = await mark.evaluate((el) => {
      const host = el.getBoundingClientRect();
      const inner = el.shadowRoot!.querySelector('button')!.getBoundingClientRect();
      return { host: { left: host.left, right: host.right }, inner: { left: inner.left, right: inner.right }, scroll: document.documentElement.scrollWidth };
    });
    expect(boxes.inner.left).toBeGreaterThanOrEqual(boxes.host.left - 0.5);
    expect(boxes.inner.right).toBeLessThanOrEqual(boxes.host.right + 0.5);
    expect(boxes.scroll).toBeLessThanOrEqual(width);
  });
}
