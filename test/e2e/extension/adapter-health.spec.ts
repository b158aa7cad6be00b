import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright/test';
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
  await expect(table.getByRole('columnheader')).toHaveText(['页面类型（Page kind）', '缺失（Missing）', '次数（Count）', '首次（First day）', '最近（Last day）', '未命中的方式（Ways that missed）', '适配数据（Adapter data）']);
  const row = table.getByRole('row', { name: /商品页（item page）/ });
  await expect(row.getByRole('cell')).toHaveText([
    '店铺名称（shop name）', '2', /^\d{4}-\d{2}-\d{2}$/, /^\d{4}-\d{2}-\d{2}$/, '#0 进店按钮旁 · #1 选择器 · #2 选择器 · #3 选择器 · #4 选择器 · #5 选择器', '内置（bundled）',
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
    rows: [{ adapter: 'jd', adapterData: 'bundled', kind: 'item', value: 'shopName', count: 2, missedWays: ['0:near', '1:selector', '2:selector', '3:selector', '4:selector', '5:selector'] }],
  });
  for (const secret of [baseURL!, '127.0.0.1', 'item-redesign', SHOP, OPERATOR, '10001201', '91990000MA1N8K024W']) expect(copied).not.toContain(secret);

  await section.getByRole('button', { name: '清除 / Clear', exact: true }).click();
  await expect(options.getByTestId('health-empty')).toHaveText('暂无记录');
  await expect(section.getByRole('table')).toHaveCount(0);
  expect(await storedRows(serviceWorker)).toEqual([]);
  // Counting, showing, copying and clearing asked nothing of the network.
  expect(elsewhere).toEqual([]);
});

/** Loads the redesigned page until its miss is counted, then opens the options page: the page and the options page. */
async function countedThenOptions(context: BrowserContext, sw: Worker, extensionId: string) {
  const shop = await context.newPage();
  await shop.goto(PAGE);
  await expect.poll(() => storedRows(sw), { timeout: 10_000 }).toHaveLength(1);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return { shop, options };
}

test('清除数据 empties the adapter health table with the rest of the data', async ({ context, serviceWorker, extensionId }) => {
  const { options } = await countedThenOptions(context, serviceWorker, extensionId);
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
  await expect(table.getByRole('columnheader')).toHaveText(['Page kind (页面类型)', 'Missing (缺失)', 'Count (次数)', 'First day (首次)', 'Last day (最近)', 'Ways that missed (未命中的方式)', 'Adapter data (适配数据)']);
  await expect(table.getByRole('row', { name: /item page \(商品页\)/ }).getByRole('cell').nth(4)).toHaveText('#0 next to 进店 · #1 selector · #2 selector · #3 selector · #4 selector · #5 selector');
  await expect(table.getByRole('row', { name: /item page \(商品页\)/ }).getByRole('cell').last()).toHaveText('bundled (内置)');
  await options.getByRole('button', { name: '复制报告 / Copy report' }).click();
  await expect(options.getByTestId('health-message')).toHaveText('无法写入剪贴板，请从下方复制 / The clipboard refused: copy the text below');
  await expect(options.getByTestId('health-report')).toBeVisible();
  expect(JSON.parse(await options.getByTestId('health-report').innerText()).rows).toEqual([
    { adapter: 'jd', adapterData: 'bundled', kind: 'item', value: 'shopName', count: 1, missedWays: ['0:near', '1:selector', '2:selector', '3:selector', '4:selector', '5:selector'] },
  ]);
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);
});

/** What the keyboard focus is on in an extension page: the button's or heading's text, else the element's tag. */
const focused = (page: Page) => page.evaluate(() => {
  const e = document.activeElement;
  return e && /^(BUTTON|H2)$/.test(e.tagName) ? e.textContent : e?.tagName ?? null;
});

test('the open options page follows the counts as they come and go, announced politely, the focus left where it was; under a signed adapter data file they are other rows naming it', async ({ context, serviceWorker, extensionId, baseURL }) => {
  const options = await context.newPage();
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: '适配器状况 / Adapter health' });
  await expect(options.getByTestId('health-empty')).toHaveText('暂无记录');
  // The shopper is on the copy button (nothing to copy yet) when a page is counted in another tab.
  const copyButton = section.getByRole('button', { name: '复制报告 / Copy report' });
  await copyButton.focus();
  await expect(copyButton).toBeDisabled();

  const shop = await context.newPage();
  await shop.goto(PAGE);
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toHaveLength(1);
  // The options page was not reloaded: the table appeared on its own, said so politely, and the focus stayed put.
  const table = section.getByRole('table', { name: /京东 \/ JD/ });
  await expect(table.getByRole('row', { name: /商品页（item page）/ }).getByRole('cell')).toHaveText([
    '店铺名称（shop name）', '1', /^\d{4}-\d{2}-\d{2}$/, /^\d{4}-\d{2}-\d{2}$/, /^#0 进店按钮旁/, '内置（bundled）',
  ]);
  const live = section.getByTestId('health-live');
  await expect(live).toHaveText('适配器状况已更新，共 1 行 / Adapter health updated: 1 row');
  await expect(live).toHaveAttribute('role', 'status');
  expect(await focused(options)).toBe('复制报告 / Copy report');
  await expect(copyButton).toBeEnabled();
  await expect(options.getByTestId('health-empty')).toHaveCount(0);
  // The page moves to another address the way a single-page app does: that address counts on its own.
  await shop.evaluate(() => history.pushState({}, '', `${location.pathname}?sku=1`));
  await rerender(shop, 1);
  await expect(table.getByTestId('health-count')).toHaveText('2', { timeout: 10_000 });

  // A signed adapter data file for JD comes into force (the demo adapter publisher's, version 1). The same
  // redesigned page still misses under it: the shop name (its one selector after the near way) and the shop id
  // (its one script way). Those are new rows, naming the file; the bundled row is left as it was.
  const sub = `${baseURL}/sites/adapters/jd-redesign.adapters.json`;
  await options.getByLabel(/名单地址/).fill(sub);
  await options.getByRole('button', { name: '订阅' }).click();
  await expect(options.locator(`[data-testid="subscription"][data-url="${sub}"]`).getByTestId('last-success')).not.toHaveText('—');
  await copyButton.focus();
  // The open page still runs the bundled adapter: its next address misses under data no longer in force, and is not counted.
  await shop.evaluate(() => history.pushState({}, '', `${location.pathname}?sku=2`));
  await rerender(shop, 1);
  await shop.waitForTimeout(3500); // past the settle time
  expect(await storedRows(serviceWorker)).toEqual([{ site: 'jd', kind: 'item', value: 'shopName', count: 2 }]);
  await shop.reload();
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toHaveLength(3);
  const rows = table.getByRole('row', { name: /商品页（item page）/ });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByRole('cell')).toHaveText(['店铺编号（shop id）', '1', /./, /./, '#0 页面数据', 'e2e-jd-redesign v1 · demo-adapters']);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['店铺名称（shop name）', '2', /./, /./, /^#0 进店按钮旁 · #1 选择器 · #2 选择器/, '内置（bundled）']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['店铺名称（shop name）', '1', /./, /./, '#0 进店按钮旁 · #1 选择器', 'e2e-jd-redesign v1 · demo-adapters']);
  await expect(live).toHaveText('适配器状况已更新，共 3 行 / Adapter health updated: 3 rows');
  expect(await focused(options)).toBe('复制报告 / Copy report');
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);

  // The report says which data was in force per row, without the address the file came from.
  const report = await section.getByTestId('health-report').textContent();
  expect(JSON.parse(report!).rows).toEqual([
    { adapter: 'jd', adapterData: [{ id: 'e2e-jd-redesign', publisher: 'demo-adapters', version: 1 }], kind: 'item', value: 'shopId', count: 1, missedWays: ['0:script'] },
    { adapter: 'jd', adapterData: 'bundled', kind: 'item', value: 'shopName', count: 2, missedWays: ['0:near', '1:selector', '2:selector', '3:selector', '4:selector', '5:selector'] },
    { adapter: 'jd', adapterData: [{ id: 'e2e-jd-redesign', publisher: 'demo-adapters', version: 1 }], kind: 'item', value: 'shopName', count: 1, missedWays: ['0:near', '1:selector'] },
  ]);
  for (const secret of [baseURL!, '127.0.0.1', 'adapters.json', 'item-redesign', SHOP]) expect(report).not.toContain(secret);

  // Cleared from another options page: this one empties on its own, and its focused button keeps the focus.
  const other = await context.newPage();
  await other.goto(`chrome-extension://${extensionId}/options.html`);
  await other.getByRole('region', { name: '适配器状况 / Adapter health' }).getByRole('button', { name: '清除 / Clear', exact: true }).click();
  await expect(options.getByTestId('health-empty')).toHaveText('暂无记录');
  await expect(section.getByRole('table')).toHaveCount(0);
  await expect(live).toHaveText('适配器状况已更新，共 0 行 / Adapter health updated: 0 rows');
  expect(await focused(options)).toBe('复制报告 / Copy report');
  await expect(copyButton).toBeDisabled();
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);
});

/** Makes the worker's IndexedDB reads of whole stores fail (as a damaged or unreadable profile does), or heals them. */
const breakReads = (sw: Worker, broken: boolean) => sw.evaluate((on) => {
  const proto = IDBObjectStore.prototype as IDBObjectStore & { realGetAll?: IDBObjectStore['getAll'] };
  proto.realGetAll ??= proto.getAll;
  proto.getAll = on ? () => { throw new DOMException('The database file could not be read.', 'UnknownError'); } : proto.realGetAll;
}, broken);

test('a failed read says so in both languages with a retry button, keeps the table shown, and the retry draws it again', async ({ context, serviceWorker, extensionId }) => {
  const shop = await context.newPage();
  await shop.goto(PAGE);
  await expect.poll(() => storedRows(serviceWorker), { timeout: 10_000 }).toHaveLength(1);

  // Opened while reading fails (dark): an error, not "nothing counted yet".
  await breakReads(serviceWorker, true);
  const first = await context.newPage();
  await first.emulateMedia({ colorScheme: 'dark' });
  await first.goto(`chrome-extension://${extensionId}/options.html`);
  const firstSection = first.getByRole('region', { name: '适配器状况 / Adapter health' });
  await expect(firstSection.getByTestId('health-live')).toHaveText('无法读取适配器状况，已显示的表格可能不是最新的 / Could not read the adapter health; a table shown may be out of date');
  await expect(firstSection.getByRole('button', { name: '重试 / Retry' })).toBeVisible();
  await expect(first.getByTestId('health-empty')).toHaveCount(0);
  await expect(firstSection.getByRole('table')).toHaveCount(0);
  expect(await axeViolations(first, '[data-testid="adapter-health"]')).toEqual([]);
  await breakReads(serviceWorker, false);
  await first.close();

  // A page showing the table, in English and light, when a new count comes and reading it fails.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#lang').selectOption('en');
  const section = options.getByRole('region', { name: '适配器状况 / Adapter health' });
  const count = section.getByRole('table', { name: /京东 \/ JD/ }).getByTestId('health-count');
  await expect(count).toHaveText('1');
  await breakReads(serviceWorker, true);
  await shop.reload();
  const live = section.getByTestId('health-live');
  await expect(live).toHaveText('无法读取适配器状况，已显示的表格可能不是最新的 / Could not read the adapter health; a table shown may be out of date', { timeout: 10_000 });
  // The table already shown stays (with what it last read), and so does the report.
  await expect(count).toHaveText('1');
  await expect(section.getByTestId('health-report')).toBeAttached();
  await expect(options.getByTestId('health-empty')).toHaveCount(0);
  expect(await axeViolations(options, '[data-testid="adapter-health"]')).toEqual([]);

  // Reading works again; the shopper retries from the keyboard. The button goes, the focus moves to the section's heading.
  await breakReads(serviceWorker, false);
  const retry = section.getByRole('button', { name: '重试 / Retry' });
  await retry.focus();
  await options.keyboard.press('Enter');
  await expect(count).toHaveText('2');
  await expect(live).toHaveText('适配器状况已更新，共 1 行 / Adapter health updated: 1 row');
  await expect(retry).toHaveCount(0);
  expect(await focused(options)).toBe('适配器状况 / Adapter health');
});

test('the options page draws the table again on the background\'s word only: a content script saying the table changed is not listened to', async ({ context, serviceWorker, extensionId }) => {
  const { shop, options } = await countedThenOptions(context, serviceWorker, extensionId);
  const count = options.getByTestId('health-count');
  await expect(count).toHaveText('1');
  // The stored count changes without the background saying so (written straight into the table).
  await serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => { const r = indexedDB.open('xinbiao-health'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    await new Promise((ok) => {
      const store = db.transaction('misses', 'readwrite').objectStore('misses');
      const all = store.getAll();
      all.onsuccess = () => { for (const row of all.result) store.put({ ...row, count: 41 }); store.transaction.oncomplete = ok; };
    });
    db.close();
  });
  // A content script (the extension's own, in the shop page's frame) says the table changed: not the background, ignored.
  await serviceWorker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => void chrome.runtime.sendMessage({ xinbiao: 1, event: 'health-changed' }).catch(() => undefined) });
  }, shop.url());
  await options.waitForTimeout(1000);
  await expect(count).toHaveText('1');
  // The same words from the background are taken.
  await serviceWorker.evaluate(() => chrome.runtime.sendMessage({ xinbiao: 1, event: 'health-changed' }));
  await expect(count).toHaveText('41');
});
