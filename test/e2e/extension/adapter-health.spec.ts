import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright/test';
import { axeViolations, badgeIs, expect, test } from './fixtures';

// A JD item page after a redesign of its shop blocks (test/fixtures/sites/jd/item-redesign.html): no way of the JD
// adapter finds the shop name; the shop id (pageConfig) and the operator (labelled 店铺资质 text) are still read.
const PAGE = '/sites/jd/item-redesign.html';
const SHOP = '鹏城数码旗舰店';
const OPERATOR = '连云港示例守信电子商务有限公司';
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The adapter health rows as the background stored them (IndexedDB `xinbiao-health`), read from the service worker. */
const storedRows = (sw: Worker) => sw.evaluate(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'xinbiao-health')) return [];
  const db = await new Promise<IDBDatabase>((ok, fail) => { const r = indexedDB.open('xinbiao-health'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  try {
    return await new Promise<{ site: string; kind: string; value: string; count: number }[]>((ok) => {
      const r = db.transaction('misses').objectStore('misses').getAll();
      r.onsuccess = () => ok(r.result.map(({ site, kind, value, count }) => ({ site, kind, value, count })));
    });
  } finally {
    db.close();
  }
});

/** Re-renders the page's aside the way a single-page app does, `times` times, 300 ms apart (past the watch's debounce). */
const rerender = (page: Page, times: number) => page.evaluate(async (n) => {
  for (let i = 0; i < n; i++) {
    const aside = document.querySelector('.aside-wrap')!;
    aside.replaceWith(aside.cloneNode(true));
    await new Promise((r) => setTimeout(r, 300));
  }
}, times);

test('a redesigned JD item page is counted once per load under jd / item page, and the report names neither page nor shop', async ({ context, serviceWorker, extensionId, baseURL }) => {
  // Every request of the browser (pages and the service worker) that is neither the fixture server's nor the extension's own.
  const elsewhere: string[] = [];
  context.on('request', (r) => { if (!r.url().startsWith(`${baseURL}/`) && !r.url().startsWith('chrome-extension://')) elsewhere.push(r.url()); });
  const page = await context.newPage();
  await page.goto(PAGE);
  // Detection still names the operator: the badge shows, in the corner since no shop name anchors it.
  await badgeIs(serviceWorker, page, { level: 'good', button: expect.stringContaining(OPERATOR) });
  await rerender(page, 12);
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toEqual([{ site: 'jd', kind: 'item', value: 'shopName', count: 1 }]);
  await rerender(page, 5);
  await page.waitForTimeout(3500); // longer than the settle time: a re-render that was going to count has counted
  expect(await storedRows(serviceWorker)).toEqual([{ site: 'jd', kind: 'item', value: 'shopName', count: 1 }]);

  // A new load of the page counts again; the page as it was before the redesign counts nothing.
  await page.reload();
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toEqual([{ site: 'jd', kind: 'item', value: 'shopName', count: 2 }]);
  await page.goto('/sites/jd/item.html');
  await badgeIs(serviceWorker, page, { level: 'good' });
  await page.waitForTimeout(3500);
  expect(await storedRows(serviceWorker)).toEqual([{ site: 'jd', kind: 'item', value: 'shopName', count: 2 }]);

  const options = await context.newPage();
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: '适配器状况 / Adapter health' });
  const table = section.getByRole('table', { name: /京东 \/ JD/ });
  await expect(table.getByRole('columnheader')).toHaveText(['页面类型（Page kind）', '缺失（Missing）', '次数（Count）', '首次（First day）', '最近（Last day）', '未命中的方式（Ways that missed）']);
  const row = table.getByRole('row', { name: /商品页（item page）/ });
  await expect(row.getByRole('cell')).toHaveText([
    '店铺名称（shop name）', '2', /^\d{4}-\d{2}-\d{2}$/, /^\d{4}-\d{2}-\d{2}$/, '#0 进店按钮旁 · #1 选择器 · #2 选择器 · #3 选择器 · #4 选择器 · #5 选择器',
  ]);
  // Dark like the rest of the page: the table's text takes the page's dark foreground.
  expect(await row.getByRole('rowheader').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(232, 234, 237)');
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);

  // Keyboard: Tab reaches the table (its scrolling region) and the copy button.
  await options.locator('body').focus();
  const reached: string[] = [];
  for (let i = 0; i < 40 && !reached.includes('复制报告 / Copy report'); i++) {
    await options.keyboard.press('Tab');
    reached.push(await options.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') === 'health-jd' ? 'table' : (document.activeElement?.textContent ?? '')));
  }
  expect(reached).toContain('table');
  await options.keyboard.press('Enter');
  await expect(options.getByTestId('health-message')).toHaveText('已复制 / Copied');

  // What the button put on the clipboard, pasted as a shopper would paste it (Ctrl+V into a text field).
  const paste = await context.newPage();
  await paste.setContent('<textarea aria-label="paste"></textarea>');
  await paste.getByLabel('paste').focus();
  await paste.keyboard.press('ControlOrMeta+V');
  const copied = await paste.getByLabel('paste').inputValue();
  expect(JSON.parse(copied)).toEqual({
    report: 'xinbiao-adapter-health',
    extension: VERSION,
    rows: [{ adapter: 'jd', kind: 'item', value: 'shopName', count: 2, missedWays: ['0:near', '1:selector', '2:selector', '3:selector', '4:selector', '5:selector'] }],
  });
  for (const secret of [baseURL!, '127.0.0.1', 'item-redesign', SHOP, OPERATOR, '10001201', '91990000MA1N8K024W']) expect(copied).not.toContain(secret);

  await section.getByRole('button', { name: '清除 / Clear', exact: true }).click();
  await expect(options.getByTestId('health-empty')).toHaveText('暂无记录');
  await expect(section.getByRole('table')).toHaveCount(0);
  expect(await storedRows(serviceWorker)).toEqual([]);
  // Counting, showing, copying and clearing asked nothing of the network.
  expect(elsewhere).toEqual([]);
});

test('清除数据 empties the adapter health table with the rest of the data', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toHaveLength(1);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('health-table')).toHaveCount(1);
  await options.getByRole('button', { name: '清除数据' }).click();
  await expect(options.getByTestId('cleared')).toHaveText('已清除');
  await expect(options.getByTestId('health-empty')).toHaveText('暂无记录');
  expect(await storedRows(serviceWorker)).toEqual([]);
});

test('a page cannot forge a miss: the extension messaging is out of its reach and posted messages are not listened to', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/item.html'); // the page as it was: it misses nothing
  await badgeIs(serviceWorker, page, { level: 'good' });
  const forged = { xinbiao: 1, name: 'content:miss', data: { site: 'jd', kind: 'item', misses: [{ value: 'shopName', ways: [] }] } };
  const answer = await page.evaluate(async ([id, message]) => {
    window.postMessage(message, '*');
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no extension messaging in the page';
    return runtime.sendMessage(id, message).then(() => 'sent', (e: Error) => `refused: ${e.message}`);
  }, [extensionId, forged] as const);
  expect(answer).toBe('no extension messaging in the page');
  await page.waitForTimeout(3500); // past the settle time
  expect(await storedRows(serviceWorker)).toEqual([]);
});

test("at JD's own address, a licence page that shows the licence only as a picture misses the operator under jd / licence page", async ({ context, serviceWorker, baseURL }) => {
  // The recorded licence page with its text lines replaced by the licence picture, answered at JD's own address
  // through the browser's router: the page kind comes from JD's real address shape.
  await context.route(/^https:\/\/mall\.jd\.com\//, async (route) => {
    const response = await route.fetch({ url: `${baseURL}/sites/jd/licence.html` });
    const body = (await response.text()).replace(/<ul>[\s\S]*<\/ul>/, '<img alt="营业执照" width="600" height="420" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">');
    expect(body).not.toContain('连云港示例守信电子商务有限公司');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto('https://mall.jd.com/showLicence-10001201.html');
  await badgeIs(serviceWorker, page, { level: 'unknown' });
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toEqual([{ site: 'jd', kind: 'licence', value: 'operator', count: 1 }]);
});

test('in English: when the clipboard refuses, the report text the message points to is shown', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toHaveLength(1);
  const options = await context.newPage();
  await options.addInitScript(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('health-report')).toBeHidden();
  // In English, light: the same table, its headings in English first.
  await options.locator('#lang').selectOption('en');
  const table = options.getByRole('table', { name: /京东 \/ JD/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Page kind (页面类型)', 'Missing (缺失)', 'Count (次数)', 'First day (首次)', 'Last day (最近)', 'Ways that missed (未命中的方式)']);
  await expect(table.getByRole('row', { name: /item page \(商品页\)/ }).getByRole('cell').last()).toHaveText('#0 next to 进店 · #1 selector · #2 selector · #3 selector · #4 selector · #5 selector');
  await options.getByRole('button', { name: '复制报告 / Copy report' }).click();
  await expect(options.getByTestId('health-message')).toHaveText('无法写入剪贴板，请从下方复制 / The clipboard refused: copy the text below');
  await expect(options.getByTestId('health-report')).toBeVisible();
  expect(JSON.parse(await options.getByTestId('health-report').innerText()).rows).toEqual([
    { adapter: 'jd', kind: 'item', value: 'shopName', count: 1, missedWays: ['0:near', '1:selector', '2:selector', '3:selector', '4:selector', '5:selector'] },
  ]);
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);
});
