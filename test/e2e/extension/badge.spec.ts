import type { Worker } from 'playwright/test';
import { badgeIs, badgeView, expect, storedReport, test } from './fixtures';

const PLATFORM_PAGES: [string, string, string][] = [
  // path, subject the shopper sees, expected verdict (sample lists: tax A + genuine mark, red list, abnormal, repaired, expired)
  ['/sites/tmall/shop.html', '杭州示例优品商贸有限公司', 'good'],
  ['/sites/tmall/item.html', '杭州示例优品商贸有限公司', 'neutral'],
  ['/sites/jd/shop.html', '', 'unknown'],
  ['/sites/jd/item.html', '连云港示例守信电子商务有限公司', 'good'],
  ['/sites/jd/licence.html', '连云港示例守信电子商务有限公司', 'good'],
  ['/sites/pinduoduo/licence.html', '厦门市思明区示例异常日用品店', 'caution'],
  ['/sites/douyin/licence.html', '北京示例修复图书有限公司', 'neutral'],
  ['/sites/tmall/licence.html', '杭州示例优品商贸有限公司', 'neutral'],
  ['/sites/1688/licence.html', '上海示例过期茶叶有限公司', 'neutral'],
];

test.describe('badge on the recorded platform pages', () => {
  for (const [path, name, level] of PLATFORM_PAGES) {
    test(`${path}: ${level}`, async ({ context, serviceWorker }) => {
      const page = await context.newPage();
      await page.goto(path);
      if (level === 'unknown' && !name) {
        // The JD shop home names no operator: once the background answered for this page, there is still no badge.
        expect((await storedReport(serviceWorker, page.url())).subjects).toEqual([]);
        expect((await badgeView(serviceWorker, page)).count).toBe(0);
        return;
      }
      await badgeIs(serviceWorker, page, { level, button: expect.stringContaining(name) });
    });
  }
});

test('genuine mark, details, links and accessibility', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/tmall/shop.html');
  await badgeIs(serviceWorker, page, { button: expect.stringContaining('杭州示例优品商贸有限公司') });
  const before = await page.locator('.shop-summary').boundingBox();
  // The closed shadow root hides the badge from the page and from axe: the browser's own accessibility tree has it.
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  expect(nodes.some((n) => n.role?.value === 'button' && String(n.name?.value).includes('杭州示例优品商贸有限公司'))).toBe(true);
  await badgeView(serviceWorker, page, 'focus');
  await page.keyboard.press('Enter');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  const { dialog, links } = await badgeView(serviceWorker, page);
  expect(dialog).toContain('营业执照');
  expect(dialog).toContain('纳税信用等级');
  // The tax level that the mark and the credit-level list both give is one row, the mark's (docs/credit-status.md, "Precedence").
  expect(dialog!.split('纳税信用等级').length - 1).toBe(1);
  // The tax level's source is the mark's issuer, which wins over the credit-level list (docs/credit-status.md).
  expect(dialog).toContain('示例商城');
  expect(links.some((l) => /https:\/\/www\.creditchina\.gov\.cn\/.*91990000MA2H7Q013E/.test(l))).toBe(true);
  expect(links).toContain('国家企业信用信息公示系统 https://www.gsxt.gov.cn/index.html');
  expect(links.filter((l) => l.endsWith(' https://www.12315.cn/'))).toHaveLength(1);
  // The badge floats: the header's own layout did not move.
  expect(await page.locator('.shop-summary').boundingBox()).toEqual(before);
});

test('black-listed shop gets a danger badge with the list entry', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/black-listed.html');
  await badgeIs(serviceWorker, page, { level: 'danger' });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialog: expect.stringContaining('示例：销售假冒商品，情节严重') });
});

test('unknown shop says so and never good', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/unknown.html');
  await badgeIs(serviceWorker, page, { level: 'unknown' });
});

for (const [path, outcome, text] of [
  ['/sites/jd/copied-mark.html', 'copied', '标识被挪用'],
  ['/sites/jd/tampered-mark.html', 'tampered', '标识被篡改'],
] as const) {
  test(`${outcome} mark gets a clear warning`, async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(path);
    await badgeIs(serviceWorker, page, { level: 'danger', button: expect.stringContaining(text) });
  });
}

test('licence for one operator and mark for another: warning', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/mismatch.html');
  await badgeIs(serviceWorker, page, { button: expect.stringMatching(/营业执照与平台标识不是同一经营者|标识被挪用/) });
});

test('single-page app: the badge follows the shop without a reload', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/tmall/spa.html');
  await badgeIs(serviceWorker, page, { level: 'neutral' });
  await page.click('#next');
  await badgeIs(serviceWorker, page, { level: 'danger', button: expect.stringContaining('深圳示例失信贸易有限公司'), count: 1 });
  const { host } = await badgeView(serviceWorker, page);
  await expect(page.locator(host!.tag)).toHaveCount(1);
});

test('hostile page: payloads stay text, global CSS and patched prototypes do not break the badge', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/hostile.html');
  await badgeIs(serviceWorker, page, { level: 'danger', visible: true });
  expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  expect((await badgeView(serviceWorker, page)).images).toBe(0);
});

test('no shop on the page, or a page no adapter matches: nothing drawn', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/no-shop.html');
  await page.goto('/sites/other/plain.html');
  await page.waitForTimeout(1500);
  expect((await badgeView(serviceWorker, page)).count).toBe(0);
  // Nor any element the page did not make: every element name on it is one the fixture itself uses.
  expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-')).length)).toBe(0);
});

/** Which parts of the content script run in the page's top frame (read in the extension's isolated world). */
const partsIn = (sw: Worker, url: string) =>
  sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => {
        const g = globalThis as { __xinbiaoRunning?: boolean; __xinbiaoPage?: boolean; __xinbiaoDrawBadge?: unknown };
        return { first: !!g.__xinbiaoRunning, detection: !!g.__xinbiaoPage, badge: typeof g.__xinbiaoDrawBadge === 'function' };
      },
    });
    return res!.result as { first: boolean; detection: boolean; badge: boolean };
  }, url);

test('a listed page without a shop runs only the small first part; an unlisted page runs nothing', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/no-shop.html');
  await expect.poll(() => partsIn(serviceWorker, page.url())).toMatchObject({ first: true });
  await page.waitForTimeout(1000);
  expect(await partsIn(serviceWorker, page.url())).toEqual({ first: true, detection: false, badge: false });
  await page.goto('/sites/other/plain.html');
  await page.waitForTimeout(1000);
  expect(await partsIn(serviceWorker, page.url())).toEqual({ first: false, detection: false, badge: false });
});

test('a page whose shop has no subject loads detection but not the badge UI', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/shop.html');
  expect((await storedReport(serviceWorker, page.url())).subjects).toEqual([]);
  expect(await partsIn(serviceWorker, page.url())).toEqual({ first: true, detection: true, badge: false });
});

test('single-page app opening on a page without a shop: the first part loads the rest when a shop appears', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/tmall/spa-home.html');
  await page.waitForTimeout(1000);
  expect(await partsIn(serviceWorker, page.url())).toEqual({ first: true, detection: false, badge: false });
  await page.click('#open-shop');
  await badgeIs(serviceWorker, page, { level: 'neutral', button: expect.stringContaining('杭州示例优品商贸有限公司') });
  expect(await partsIn(serviceWorker, page.url())).toEqual({ first: true, detection: true, badge: true });
});

test('a theme the shopper chose draws the badge in it and leaves nothing on the host for the page to read', async ({ context, serviceWorker }) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'zh-CN', theme: 'dark', endpoints: [], generic: false } }));
  try {
    const page = await context.newPage();
    await page.goto('/sites/jd/item.html');
    await badgeIs(serviceWorker, page, { level: 'good' });
    const view = await badgeView(serviceWorker, page);
    expect(view.host?.attrs).toEqual({});
    // #1c2027, the dark theme's background (the page prefers light: headless Chromium's default).
    expect(view.background).toBe('rgb(28, 32, 39)');
  } finally {
    await serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
  }
});

test("the page's own mark finishing its check redraws the badge, and details the shopper opened stay open", async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/tmall/shop.html');
  await badgeIs(serviceWorker, page, { level: 'good' });
  await badgeView(serviceWorker, page, 'click');
  await badgeIs(serviceWorker, page, { dialogOpen: true });
  // Marked in the extension's isolated world: a redraw replaces the badge, so the mark is gone once it happened.
  const markOld = () => serviceWorker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => { ((globalThis as { __xinbiaoBadges?: object[] }).__xinbiaoBadges ?? [])[0]!.toString = () => 'old'; } });
  }, page.url());
  const isOld = () => serviceWorker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => String(((globalThis as { __xinbiaoBadges?: object[] }).__xinbiaoBadges ?? [])[0]) === 'old' });
    return r!.result as boolean;
  }, page.url());
  await markOld();
  // What the page's <xinbiao-mark> writes when its check ends: the findings change, the shop does not.
  await page.locator('xinbiao-mark').evaluate((el) => el.setAttribute('data-outcome', 'genuine'));
  await expect.poll(isOld, { timeout: 10_000 }).toBe(false);
  await badgeIs(serviceWorker, page, { level: 'good', dialogOpen: true });
});
