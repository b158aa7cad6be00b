import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startApp, type RunningApp } from '../../server/app';
import { demo } from '../../server/demo';
import { EXT, badgeOn, launchFirefox, openDetails, openExtensionPage, readBadge, waitInPage } from './firefox';

// The demo platform is none of the listed platforms: the extension finds its shops only in its any-site ("generic")
// mode, after the shopper grants access to all sites from the options page. The demo signs its sample marks again
// for the address it is served on, so it runs on a free port here.
let demoApp: RunningApp;
let firefox: Browser;
let shop = '';

beforeAll(async () => {
  demoApp = await startApp({ port: 0, ...(await demo()) });
  shop = `http://127.0.0.1:${(demoApp.server.address() as AddressInfo).port}/shops/youpin/`;
  firefox = await launchFirefox({ extensionPages: true });
});

afterAll(async () => {
  await firefox?.close();
  await demoApp?.drain();
});

const OPERATOR = '杭州示例优品商贸有限公司';

/** Asks the extension itself, from its options page, whether access to all sites is granted. */
const allSites = (options: Page) => options.evaluate(() => browser.permissions.contains({ origins: ['*://*/*'] }));

describe('any-site detection in firefox-esr, turned on from the options page', () => {
  it('the Firefox build is MV3: access to all sites is an optional host permission, scripting is granted at install', () => {
    const manifest = JSON.parse(readFileSync(resolve(EXT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.optional_host_permissions).toContain('*://*/*');
    expect(manifest.permissions).toContain('scripting');
    // In MV3 Firefox takes origins only from the host-permission keys, never from optional_permissions.
    expect(((manifest.optional_permissions ?? []) as string[]).filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    expect(manifest.host_permissions).not.toContain('*://*/*');
  });

  it('the options page explains, in both languages, why access to all sites is needed and how Firefox asks for it', async () => {
    const options = await openExtensionPage(firefox, '/options.html', '#any');
    try {
      // Why (read on this device only), and how: Firefox's own words in its prompt and where to take it back.
      const WHY: [lang: string, phrases: string[]][] = [
        ['zh-CN', ['在支持的购物平台之外', '网页只在本机读取', 'Firefox 会在窗口顶部询问是否允许信标“访问您在所有网站的数据”：点“允许”即开启',
          '“附加组件和主题”（about:addons）→ 信标 XinBiao →“权限和数据”中收回']],
        ['en', ['Beyond the supported shopping platforms', 'pages are read on this device only',
          'Firefox asks at the top of the window whether XinBiao may “Access your data for all websites”: choose Allow',
          'take it back later in Add-ons and themes (about:addons) → XinBiao → Permissions and data']],
      ];
      // Back to Chinese at the end: the next test reads the page in it.
      for (const [lang, phrases] of [...WHY, WHY[0]!]) {
        await options.select('#lang', lang);
        await waitInPage(options, (l) => document.documentElement.lang === l, lang);
        const text = await options.$eval('[data-testid="any-why"]', (p) => p.textContent ?? '');
        for (const phrase of phrases) expect(text).toContain(phrase);
      }
    } finally {
      await options.close();
    }
  });

  it('a click on the box grants access to all sites; then the demo shop shows the badge and the details of its mark', async () => {
    const page = await firefox.newPage();
    const options = await openExtensionPage(firefox, '/options.html', '#any');
    try {
      // Before: nothing beyond the platforms is granted at install, and the demo shop gets no badge.
      expect(await allSites(options)).toBe(false);
      expect(await options.$eval('#any', (c) => (c as HTMLInputElement).checked)).toBe(false);
      await page.goto(shop);
      expect(await page.title()).toContain('示例优品旗舰店');
      expect(await readBadge(firefox, page, 3000)).toBeNull();

      // The shopper's click (a real input event: Firefox grants an optional permission only from user input).
      await options.click('#any');
      await waitInPage(options, () => (document.querySelector('#any') as HTMLInputElement).checked, '', 10_000);
      expect(await allSites(options)).toBe(true);
      expect(await options.$$eval('[role="alert"]', (a) => a.map((e) => e.textContent))).toEqual([]);

      const badge = await badgeOn(firefox, page, shop, 'good');
      expect(badge.text).toContain(OPERATOR);
      expect(badge.level).toBe('good');
      const details = await openDetails(firefox, page);
      expect(details).not.toBeNull();
      const text = details!.text;
      // The operator's licence as the signed mark carries it (samples/marks/youpin.jws).
      expect(text).toContain(OPERATOR);
      expect(text).toContain('91990000MA2H7Q013E');
      expect(text).toContain('有限责任公司');
      expect(text).toContain('示例市市场监督管理局');
      // The mark: valid and bound to this shop, who verified the shop and how, and the credit levels it states.
      expect(text).toContain('标识有效：由可信平台签发，且属于本店');
      expect(text).toContain('核验方示例商城');
      expect(text).toContain('营业执照核验 + 法定代表人实名认证');
      expect(text).toContain('示例商城店铺评级');
      expect(text).toContain('五星');
      expect(text).toContain('纳税信用等级');
    } finally {
      await options.close();
      await page.close();
    }
  });
});
