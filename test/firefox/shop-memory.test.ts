import type { AddressInfo, Server } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer } from '../support/fixture-server';
import { JD, JD_OPERATOR as OPERATOR, JD_PAGES as PAGES } from '../e2e/extension/jd-shop-pages';
import { badgeOn, launchFirefox, openDetails, openExtensionPage, waitInPage } from './firefox';

// JD's own addresses (jd-shop-pages.ts), answered from the fixture server by intercepting the tab's requests over
// WebDriver BiDi: the same pages as the Chromium test (test/e2e/extension/shop-memory.spec.ts).

let server: Server;
let firefox: Browser;
let base = '';

beforeAll(async () => {
  server = await startFixtureServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  firefox = await launchFirefox({ extensionPages: true });
});

afterAll(async () => {
  await firefox?.close();
  server?.close();
});

/** A tab whose JD requests are answered from PAGES (any other JD address: 404); `requests` lists every request it made. */
async function jdTab(): Promise<{ page: Page; requests: string[] }> {
  const page = await firefox.newPage();
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    requests.push(url);
    if (!JD.test(url)) return void req.continue();
    const path = PAGES[url];
    if (!path) return void req.respond({ status: 404, body: '' });
    void fetch(`${base}${path}`).then(async (res) => req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: Buffer.from(await res.arrayBuffer()) }));
  });
  return { page, requests };
}

describe('the shop memory in firefox-esr', () => {
  it("licence page, then the shop's item page: the badge names the remembered operator, where and when it was read", async () => {
    const { page, requests } = await jdTab();
    try {
      // An item page names the operator (hover title) but its address does not carry the shop id: shown, never remembered.
      expect((await badgeOn(firefox, page, 'https://item.jd.com/100012000001.html', 'good', OPERATOR)).text).toContain(OPERATOR);

      // A shop never seen: operator not known yet, and the details link to that shop's licence page.
      const unseen = await badgeOn(firefox, page, 'https://item.jd.com/100033000001.html', 'unknown', '经营者未知');
      expect(unseen.text).toContain('经营者未知：请打开本店营业执照页');
      expect((await openDetails(firefox, page))?.links).toContainEqual({ text: '本店营业执照页', href: 'https://mall.jd.com/showLicence-10033030.html' });

      // The item page of shop 10001201 prints no operator: before its licence page was opened, not known yet.
      expect((await badgeOn(firefox, page, 'https://item.jd.com/100012000002.html', 'unknown', '经营者未知')).text).toContain('经营者未知');

      expect((await badgeOn(firefox, page, 'https://mall.jd.com/showLicence-10001201.html', 'good', OPERATOR)).text).toContain(OPERATOR);

      // Resolved like a detected subject: the sample lists give this operator the same verdict as on its licence page.
      const remembered = await badgeOn(firefox, page, 'https://item.jd.com/100012000002.html', 'good', OPERATOR);
      expect(remembered.text).toContain(OPERATOR);
      expect(remembered.level).toBe('good');
      const details = await openDetails(firefox, page);
      expect(details?.text).toMatch(/经营者信息读取自本店营业执照页 \d{4}-\d{2}-\d{2}/);
      expect(details?.links).toContainEqual({ text: '本店营业执照页', href: 'https://mall.jd.com/showLicence-10001201.html' });

      // The popup's view of the tab says it too.
      const options = await openExtensionPage(firefox, '/options.html', '#any');
      const tabId = await options.evaluate(async (u) => (await browser.tabs.query({ url: u }))[0]?.id, 'https://item.jd.com/100012000002.html');
      expect(tabId).toEqual(expect.any(Number));
      const popup = await openExtensionPage(firefox, `/popup.html?tab=${tabId}`, '[data-testid="read-on"]');
      expect(await popup.$eval('[data-testid="subject"]', (e) => e.textContent)).toContain(OPERATOR);
      expect(await popup.$eval('[data-testid="read-on"]', (e) => e.textContent)).toMatch(/^经营者信息读取自本店营业执照页 \d{4}-\d{2}-\d{2}$/);
      await popup.close();

      // The other shop still has no operator: the memory is keyed by shop.
      expect((await badgeOn(firefox, page, 'https://item.jd.com/100033000001.html', 'unknown', '经营者未知')).text).toContain('经营者未知');

      // 清除数据 on the options page forgets it.
      await options.click('button::-p-text(清除数据)');
      await waitInPage(options, () => document.querySelector('[data-testid="cleared"]')?.textContent === '已清除', '', 10_000);
      await options.close();
      const forgotten = await badgeOn(firefox, page, 'https://item.jd.com/100012000002.html', 'unknown', '经营者未知');
      expect(forgotten.text).toContain('经营者未知');
      expect(forgotten.text).not.toContain(OPERATOR);

      // Nothing of this left the tab for the network: every request it made was to a JD address answered here (or a
      // data: URL, which Firefox reports as a request too).
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((u) => !JD.test(u) && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('in English the badge says the operator is not known yet', async () => {
    const { page } = await jdTab();
    const options = await openExtensionPage(firefox, '/options.html', '#lang');
    try {
      await options.select('#lang', 'en');
      await waitInPage(options, () => document.documentElement.lang === 'en');
      const badge = await badgeOn(firefox, page, 'https://item.jd.com/100033000001.html', 'unknown', 'Operator not known yet');
      expect(badge.text).toContain("Operator not known yet: open this shop's licence page");
      expect((await openDetails(firefox, page))?.links).toContainEqual({ text: "This shop's licence page", href: 'https://mall.jd.com/showLicence-10033030.html' });
    } finally {
      await options.close();
      await page.close();
    }
  });
});
