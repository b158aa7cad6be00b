import { expect, test, type Page } from 'playwright/test';
import { serveHarness } from './bundle';

// The page-side API of lists-harness/harness.ts; evaluate() bodies run in the page.
declare const harness: any;

const URL_ = '/lists-harness/index.html';

async function open(page: Page) {
  await serveHarness(page);
  await page.goto(URL_);
  await page.waitForFunction(() => typeof (globalThis as { harness?: unknown }).harness === 'object');
}

async function importV1(page: Page) {
  await page.evaluate(() => harness.build('v1', { version: 1 }, 50, 0));
  expect(await page.evaluate(() => harness.run('v1'))).toEqual({ outcome: 'imported', version: 1, count: 50 });
}

test('imports a signed list into IndexedDB and answers lookups; the same version again is a no-op', async ({ page }) => {
  await open(page);
  await importV1(page);
  expect(await page.evaluate(() => harness.byUscc(7))).toEqual([{ id: 'e2e-black', version: 1, name: '杭州示例7号电子商务有限公司' }]);
  expect(await page.evaluate(() => harness.byUscc(5000))).toEqual([]);
  await expect(page.locator('#progress')).toHaveText('50 行 lines');
  await page.evaluate(() => harness.build('again', { version: 1 }, 50, 0));
  expect(await page.evaluate(() => harness.run('again'))).toMatchObject({ outcome: 'unchanged', version: 1 });
  await page.reload();
  await page.waitForFunction(() => typeof (globalThis as { harness?: unknown }).harness === 'object');
  expect(await page.evaluate(() => harness.lists())).toEqual([{ id: 'e2e-black', version: 1, count: 50 }]);
});

test('a newer version replaces the old one and drops its rows', async ({ page }) => {
  await open(page);
  await importV1(page);
  await page.evaluate(() => harness.build('v2', { version: 2 }, 30, 1000));
  expect(await page.evaluate(() => harness.run('v2'))).toEqual({ outcome: 'imported', version: 2, count: 30 });
  expect(await page.evaluate(() => harness.byUscc(7))).toEqual([]);
  expect(await page.evaluate(() => harness.byUscc(1007))).toEqual([{ id: 'e2e-black', version: 2, name: '杭州示例1007号电子商务有限公司' }]);
  expect(await page.evaluate(() => harness.rows('e2e-black'))).toBe(30);
});

for (const [what, mutate, code] of [['a bad signature', 'other-key', 'bad-signature'], ['a truncated file', 'truncate', 'digest-mismatch']] as const) {
  test(`${what} leaves the previous version in force`, async ({ page }) => {
    await open(page);
    await importV1(page);
    await page.evaluate((m) => harness.build('bad', { version: 2 }, 5000, 1000, m), mutate);
    expect(await page.evaluate(() => harness.run('bad', 500))).toMatchObject({ error: code });
    expect(await page.evaluate(() => harness.lists())).toEqual([{ id: 'e2e-black', version: 1, count: 50 }]);
    expect(await page.evaluate(() => harness.byUscc(7))).toHaveLength(1);
    expect(await page.evaluate(() => harness.byUscc(1007))).toEqual([]);
    expect(await page.evaluate(() => harness.rows('e2e-black'))).toBe(50);
  });
}

test('closing the page mid-import keeps the previous version; the next import cleans the leftovers', async ({ context, page }) => {
  await open(page);
  await importV1(page);
  await page.evaluate(() => harness.build('big', { version: 2 }, 300_000, 10_000));
  void page.evaluate(() => harness.run('big', 2000)).catch(() => {});
  await page.waitForFunction(() => harness.progress.lines >= 20_000, undefined, { timeout: 20_000 });
  await page.close();

  const again = await context.newPage();
  await open(again);
  expect(await again.evaluate(() => harness.lists())).toEqual([{ id: 'e2e-black', version: 1, count: 50 }]);
  expect(await again.evaluate(() => harness.byUscc(7))).toHaveLength(1);
  expect(await again.evaluate(() => harness.byUscc(10_005))).toEqual([]);
  expect(await again.evaluate(() => harness.rows('e2e-black', 2))).toBeGreaterThan(0); // the staged leftovers
  await again.evaluate(() => harness.build('v3', { version: 3 }, 10, 500));
  expect(await again.evaluate(() => harness.run('v3'))).toMatchObject({ outcome: 'imported', version: 3 });
  expect(await again.evaluate(() => harness.rows('e2e-black'))).toBe(10);
});

test('a large list imports whole while the CPU is busy: spinning workers in the same page', async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await importV1(page);
  const size: number = await page.evaluate(() => harness.build('large', { version: 2 }, 100_000, 20_000));
  expect(size).toBeGreaterThan(18_000_000);
  expect(await page.evaluate(() => harness.busy(3))).toBe(3);
  try {
    expect(await page.evaluate(() => harness.run('large', 5000))).toEqual({ outcome: 'imported', version: 2, count: 100_000 });
  } finally {
    await page.evaluate(() => harness.idle());
  }
  expect(await page.evaluate(() => harness.byUscc(119_999))).toEqual([{ id: 'e2e-black', version: 2, name: '杭州示例119999号电子商务有限公司' }]);
  expect(await page.evaluate(() => harness.rows('e2e-black'))).toBe(100_000);
});
