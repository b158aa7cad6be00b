import type { AddressInfo, Server } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { startFixtureServer } from '../support/fixture-server';
import { badgeOn, launchFirefox, openDetails } from './firefox';

// Debian's firefox-esr driven over WebDriver BiDi, with the built Firefox extension installed as a temporary add-on.

// One recorded page per platform: the operator the shopper sees and the verdict from the bundled sample lists.
const PLATFORM_PAGES: [path: string, name: string, level: string][] = [
  ['/sites/jd/item.html', '连云港示例守信电子商务有限公司', 'good'],
  ['/sites/tmall/licence.html', '杭州示例优品商贸有限公司', 'neutral'],
  ['/sites/pinduoduo/licence.html', '厦门市思明区示例异常日用品店', 'caution'],
  ['/sites/douyin/licence.html', '北京示例修复图书有限公司', 'neutral'],
  ['/sites/1688/licence.html', '上海示例过期茶叶有限公司', 'neutral'],
];

let server: Server;
let browser: Browser;
let base = '';

beforeAll(async () => {
  server = await startFixtureServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the built Firefox extension in firefox-esr', () => {
  for (const [path, name, level] of PLATFORM_PAGES) {
    it(`${path}: badge with ${name}, ${level}`, async () => {
      const page = await browser.newPage();
      try {
        const badge = await badgeOn(browser, page, `${base}${path}`, level);
        expect(badge.text).toContain(name);
        expect(badge.level).toBe(level);
      } finally {
        await page.close();
      }
    });
  }

  it('opens the details from the badge: credit level, list entry, links to the official records', async () => {
    const page = await browser.newPage();
    try {
      await badgeOn(browser, page, `${base}/sites/jd/item.html`, 'good');
      const details = await openDetails(browser, page);
      const text = details!.text;
      expect(text).toContain('连云港示例守信电子商务有限公司');
      expect(text).toContain('纳税信用等级');
      expect(text).toContain('红名单');
      expect(details!.links.map((l) => l.href)).toContain('https://www.gsxt.gov.cn/index.html');
    } finally {
      await page.close();
    }
  });

  it("real 1688 offer page: the supplier company from the page's own data gets the badge", async () => {
    const page = await browser.newPage();
    try {
      const badge = await badgeOn(browser, page, `${base}/sites/1688/real/1688-detail-init-data.html`, 'unknown');
      expect(badge.text).toContain('广州欧博化妆品有限公司');
    } finally {
      await page.close();
    }
  });

  it('real JD item page (GBK): decoded by its own charset', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/sites/jd/real/jd-item-airmate-2015-gbk.html`);
      expect(await page.title()).toContain('艾美特');
      expect(await page.$eval('.seller-infor a.name', (a) => a.textContent)).toBe('艾美特生活电器旗舰店');
    } finally {
      await page.close();
    }
  });
});
