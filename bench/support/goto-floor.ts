import { chromium } from 'playwright';
import { mapPool } from '../../cli/audit/pool';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../test/support/chromium';

/**
 * The floor of the audit benchmarks: launch Chromium, then a bare goto + screenshot of each page, `concurrency`
 * at once, each in a fresh context as the audit does. Returns the wall time in ms, launch included.
 */
export async function gotoScreenshotFloor(urls: readonly string[], concurrency: number): Promise<number> {
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  await mapPool(urls, concurrency, async (url) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.screenshot();
    await context.close();
  });
  await browser.close();
  return performance.now() - t0;
}
