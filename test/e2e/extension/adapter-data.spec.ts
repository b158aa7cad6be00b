import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright/test';
import { badgeIs, badgeView, expect, servePlatformPages, test } from './fixtures';
import { SELLER_DESCRIPTION } from './gen-fixture-adapters';
import { JD, JD_OPERATOR, JD_PAGES } from './jd-shop-pages';

// JD's item page after a redesign the bundled adapter does not know (test/fixtures/sites/jd/item-redesign-2026.html), and
// signed adapter data files for it (test/fixtures/sites/adapters/, made by gen-fixture-adapters.ts).
const PAGE = '/sites/jd/item-redesign-2026.html';

/** The element the badge was drawn after (its anchor), read in the extension's isolated world. */
const anchorOf = (sw: Worker, page: Page) =>
  sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => {
        const all = (globalThis as { __xinbiaoBadges?: { host: HTMLElement }[] }).__xinbiaoBadges ?? [];
        return all.at(-1)?.host.previousElementSibling?.className ?? null;
      },
    });
    return res!.result as string | null;
  }, page.url());

/** Ids of the content scripts the background registered at run time. */
const probeIds = (sw: Worker) => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

async function subscribe(options: Page, url: string) {
  await options.getByLabel(/名单地址/).fill(url);
  await options.getByRole('button', { name: '订阅' }).click();
  return options.locator(`[data-testid="subscription"][data-url="${url}"]`);
}

test('signed adapter data brings the badge back on a redesigned page; a list key\'s file or an unsafe pattern changes nothing', async ({ context, serviceWorker, extensionId, baseURL }) => {
  const shop = await context.newPage();
  await shop.goto(PAGE);
  await shop.waitForTimeout(1500);
  expect((await badgeView(serviceWorker, shop)).count).toBe(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('subscription')).toHaveCount(4);

  // The same fix, signed with the credit office's list key: refused, named in both languages, nothing stored.
  const forged = await subscribe(options, `${baseURL}/sites/adapters/list-key.adapters.json`);
  await expect(forged.getByTestId('list-error')).toContainText('站点适配数据只能由适配数据发布者（adapter-publisher）的密钥签署');
  // Nothing of this subscription was ever in force: the bundled adapters stay.
  await expect(forged.getByTestId('list-error')).toContainText('仍使用内置适配器');
  // A properly signed file whose pattern could backtrack for ever: refused before it is stored.
  const unsafe = await subscribe(options, `${baseURL}/sites/adapters/unsafe-pattern.adapters.json`);
  await expect(unsafe.getByTestId('list-error')).toContainText('站点适配数据文件无效');
  expect(await serviceWorker.evaluate(async () => (await chrome.storage.local.get('adapterData')).adapterData ?? {})).toEqual({});
  await shop.reload();
  await shop.waitForTimeout(1500);
  expect((await badgeView(serviceWorker, shop)).count).toBe(0);

  // The adapter publisher's file: the new shop card and state object are read, the badge sits after the shop name.
  const fix = await subscribe(options, `${baseURL}/sites/adapters/jd-redesign.adapters.json`);
  await expect(fix.getByTestId('last-success')).not.toHaveText('—');
  await expect(fix.getByTestId('list-error')).toHaveCount(0);
  // While a file is in force the background registers the probe that knows the file's selectors.
  expect(await probeIds(serviceWorker)).toEqual(['xinbiao-adapter-probe']);
  await expect(fix).toContainText('版本: 1');
  await shop.reload();
  await badgeIs(serviceWorker, shop, { level: 'unknown', button: expect.stringContaining('经营者未知') });
  expect(await anchorOf(serviceWorker, shop)).toBe('shop-card-v2__title');
  await badgeView(serviceWorker, shop, 'click');
  await badgeIs(serviceWorker, shop, { dialogOpen: true });
  expect((await badgeView(serviceWorker, shop)).links.some((l) => l.endsWith('https://mall.jd.com/showLicence-10001203.html'))).toBe(true);

  // Unsubscribing drops the file: the bundled adapter is back, and with it no badge.
  await fix.getByRole('button', { name: '删除' }).click();
  await expect(fix).toHaveCount(0);
  await expect.poll(() => probeIds(serviceWorker)).toEqual([]);
  await shop.reload();
  await shop.waitForTimeout(1500);
  expect((await badgeView(serviceWorker, shop)).count).toBe(0);
});

test("a signed file whose shop id is read from a seller's description borrows no other shop's remembered operator", async ({ context, serviceWorker, extensionId, baseURL }) => {
  const elsewhere = await servePlatformPages(context, baseURL!, JD, JD_PAGES);
  // Shop 10001203's redesigned item page at its JD address, its description claiming shop 10001201 (routed last: it wins).
  const ITEM = 'https://item.jd.com/100012000003.html';
  const recorded = readFileSync(resolve(import.meta.dirname, '../../fixtures/sites/jd/item-redesign-2026.html'), 'utf8');
  await context.route(ITEM, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: recorded.replace('</body>', `${SELLER_DESCRIPTION}\n</body>`) }));
  await context.route(/^https:\/\/img\d+\.360buyimg\.com\//, (route) => route.fulfill({ status: 404, body: '' })); // the description's picture

  // The shopper opened shop 10001201's licence page: its operator is remembered.
  const page = await context.newPage();
  await page.goto('https://mall.jd.com/showLicence-10001201.html');
  await badgeIs(serviceWorker, page, { level: 'good', button: expect.stringContaining(JD_OPERATOR) });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const file = await subscribe(options, `${baseURL}/sites/adapters/borrowed-id.adapters.json`);
  await expect(file.getByTestId('last-success')).not.toHaveText('—');
  await expect(file.getByTestId('list-error')).toHaveCount(0);

  // The file finds the new shop card and reads "10001201" from the description: not known yet, never 10001201's operator.
  await page.goto(ITEM);
  await badgeIs(serviceWorker, page, { level: 'unknown', button: expect.stringContaining('经营者未知') });
  expect((await badgeView(serviceWorker, page)).button).not.toContain(JD_OPERATOR);
  expect(elsewhere.filter((u) => !u.includes('.360buyimg.com/'))).toEqual([]);
});
