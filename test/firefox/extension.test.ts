import { existsSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer } from '../support/fixture-server';

// Debian's firefox-esr driven over WebDriver BiDi, with the built Firefox extension installed as a temporary add-on.
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = resolve(import.meta.dirname, '../../.output/firefox-mv3');

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
  expect(existsSync(FIREFOX), `${FIREFOX} (apt-get install firefox-esr)`).toBe(true);
  expect(existsSync(resolve(EXT, 'manifest.json')), 'npm run build').toBe(true);
  server = await startFixtureServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  // Host access to the listed platforms is granted at install in this Firefox, as for a user who installs it.
  expect(await browser.installExtension(EXT)).toBe('xinbiao@xinbiao.example');
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

type BiDi = { send(method: string, params: unknown): Promise<{ result: { result?: { type: string; value?: unknown } } }> };

/**
 * Runs `fn(shadowRoot)` in the page on the badge's closed shadow root, which page scripts cannot reach: WebDriver BiDi
 * hands the test a reference to it (serialization with includeShadowTree 'all'). `fn` returns a JSON string.
 */
async function inBadge<T>(page: Page, fn: string): Promise<T | undefined> {
  const bidi = (browser as unknown as { connection: BiDi }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await bidi.send('script.callFunction', {
    // The host's name is new on every load: the one element with an unknown custom name.
    functionDeclaration: '() => [...document.querySelectorAll("*")].find((e) => e.localName.includes("-") && e.localName !== "xinbiao-mark" && !customElements.get(e.localName))', target: { context }, awaitPromise: false,
    resultOwnership: 'none', serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const root = (host.result.result?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot;
  if (!root?.sharedId) return undefined;
  const r = await bidi.send('script.callFunction', {
    functionDeclaration: fn, target: { context }, awaitPromise: true, arguments: [{ sharedId: root.sharedId }], resultOwnership: 'none',
  });
  const v = r.result.result;
  return v?.type === 'string' ? (JSON.parse(v.value as string) as T) : undefined;
}

const READ_BADGE = `(root) => { const b = root.querySelector('[data-testid="xinbiao-badge"] button');
  return JSON.stringify(b ? { text: b.textContent || '', level: b.getAttribute('data-level') || '' } : null); }`;

/** The badge's button and its verdict, once drawn; the sample lists are imported just after install, so a page
 * read before that shows "unknown": it is loaded again until the verdict settles or the wait runs out. */
async function badgeOn(page: Page, path: string, level: string): Promise<{ text: string; level: string }> {
  let last = { text: '', level: '' };
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
    await page.goto(`${base}${path}`);
    for (let i = 0; i < 40; i++) {
      const read = await inBadge<{ text: string; level: string } | null>(page, READ_BADGE);
      if (read) { last = read; break; }
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 300));
    last = (await inBadge<{ text: string; level: string } | null>(page, READ_BADGE)) ?? last;
    if (last.level === level) return last;
  }
  return last;
}

describe('the built Firefox extension in firefox-esr', () => {
  for (const [path, name, level] of PLATFORM_PAGES) {
    it(`${path}: badge with ${name}, ${level}`, async () => {
      const page = await browser.newPage();
      try {
        const badge = await badgeOn(page, path, level);
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
      await badgeOn(page, '/sites/jd/item.html', 'good');
      await inBadge(page, `(root) => { root.querySelector('[data-testid="xinbiao-badge"] button').click(); return 'null'; }`);
      let details: { text: string; links: (string | null)[] } | null | undefined;
      for (let i = 0; i < 20 && !details; i++) {
        details = await inBadge(page, `(root) => { const d = root.querySelector('dialog[open]');
          return JSON.stringify(d ? { text: d.textContent || '', links: [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')) } : null); }`);
        if (!details) await new Promise((r) => setTimeout(r, 250));
      }
      const text = details!.text;
      expect(text).toContain('连云港示例守信电子商务有限公司');
      expect(text).toContain('纳税信用等级');
      expect(text).toContain('红名单');
      expect(details!.links).toContain('https://www.gsxt.gov.cn/index.html');
    } finally {
      await page.close();
    }
  });

  it("real 1688 offer page: the supplier company from the page's own data gets the badge", async () => {
    const page = await browser.newPage();
    try {
      const badge = await badgeOn(page, '/sites/1688/real/1688-detail-init-data.html', 'unknown');
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
