import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's firefox-esr (apt-get install firefox-esr), or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built Firefox extension (`npm run build`). */
export const EXT = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** The add-on id of the built extension (browser_specific_settings.gecko.id in wxt.config.ts). */
export const ADDON_ID = 'xinbiao@xinbiao.example';
/** The extension's moz-extension:// host in these profiles: Firefox picks a random one per profile unless told. */
export const EXT_UUID = '3c1e7a52-9b0d-4f6e-8a27-5d41c0b9e613';

export interface LaunchOptions {
  /**
   * Lets the test open the extension's own pages (options, popup) in a tab, as a user does from about:addons: WebDriver
   * BiDi refuses moz-extension:// addresses unless Firefox runs with --remote-allow-system-access.
   */
  extensionPages?: boolean;
}

/**
 * Firefox with the built extension installed as a temporary add-on, over WebDriver BiDi. Firefox asks for an optional
 * permission in a prompt of its own window, which BiDi cannot reach; with `extensions.webextOptionalPermissionPrompts`
 * false Firefox grants what the extension asks for at once, but still only from a real click (user input).
 */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Browser> {
  expect(existsSync(FIREFOX), `${FIREFOX} (apt-get install firefox-esr)`).toBe(true);
  expect(existsSync(resolve(EXT, 'manifest.json')), 'npm run build').toBe(true);
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true,
    args: options.extensionPages ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXT_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  // Host access to the listed platforms is granted at install in this Firefox, as for a user who installs it.
  expect(await browser.installExtension(EXT)).toBe(ADDON_ID);
  return browser;
}

type BiDi = { send(method: string, params: unknown): Promise<{ result: { result?: { type: string; value?: unknown } } }> };
const bidiOf = (browser: Browser) => (browser as unknown as { connection: BiDi }).connection;
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/**
 * Opens one of the extension's pages (`/options.html`…) in a new tab. BiDi reports no navigation events for
 * moz-extension:// documents, so the page is awaited by its own content (`ready`, a CSS selector).
 */
export async function openExtensionPage(browser: Browser, path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await bidiOf(browser).send('browsingContext.navigate', { context: contextOf(page), url: `moz-extension://${EXT_UUID}${path}`, wait: 'none' });
  await page.waitForSelector(ready, { timeout: 10_000 });
  return page;
}

/**
 * Runs `fn(shadowRoot)` in the page on the badge's closed shadow root, which page scripts cannot reach: WebDriver BiDi
 * hands the test a reference to it (serialization with includeShadowTree 'all'). `fn` returns a JSON string.
 */
export async function inBadge<T>(browser: Browser, page: Page, fn: string): Promise<T | undefined> {
  const bidi = bidiOf(browser);
  const context = contextOf(page);
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

/** The badge's button text and verdict level. */
export interface BadgeRead { text: string; level: string }

const READ_BADGE = `(root) => { const b = root.querySelector('[data-testid="xinbiao-badge"] button');
  return JSON.stringify(b ? { text: b.textContent || '', level: b.getAttribute('data-level') || '' } : null); }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The badge as drawn now on the loaded page, waiting up to `ms` for it to appear; null when none appeared. */
export async function readBadge(browser: Browser, page: Page, ms = 20_000): Promise<BadgeRead | null> {
  for (const end = Date.now() + ms; ;) {
    const read = await inBadge<BadgeRead | null>(browser, page, READ_BADGE);
    if (read || Date.now() > end) return read ?? null;
    await sleep(250);
  }
}

/**
 * Loads `url` until the badge shows `level` (and `text` in its button, when given): the sample lists are imported just
 * after install, so a page read before that shows "unknown". Returns the last badge read (which may differ when the
 * wait ran out).
 */
export async function badgeOn(browser: Browser, page: Page, url: string, level: string, text = ''): Promise<BadgeRead> {
  let last = { text: '', level: '' };
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) await sleep(1000);
    await page.goto(url);
    last = (await readBadge(browser, page)) ?? last;
    await sleep(300);
    // The verdict is drawn first as "unknown" while the background resolves it; read again once it settled.
    last = (await inBadge<BadgeRead | null>(browser, page, READ_BADGE)) ?? last;
    if (last.level === level && last.text.includes(text)) return last;
  }
  return last;
}

/**
 * Clicks the badge's button and returns the open details' text and links (href as written), or null if none opened.
 * When the page changes what it shows (its own <xinbiao-mark> finishing its check), the extension draws the badge
 * anew, closed: so the button is clicked again until the details are open (a click on an open badge does nothing).
 */
export async function openDetails(browser: Browser, page: Page): Promise<{ text: string; links: { text: string; href: string | null }[] } | null> {
  for (let i = 0; i < 40; i++) {
    const details = await inBadge<{ text: string; links: { text: string; href: string | null }[] } | null>(browser, page, `(root) => {
      root.querySelector('[data-testid="xinbiao-badge"] button').click();
      const d = root.querySelector('dialog[open]');
      return JSON.stringify(d ? { text: d.textContent || '', links: [...d.querySelectorAll('a')].map((a) => ({ text: a.textContent || '', href: a.getAttribute('href') })) } : null); }`);
    if (details) return details;
    await sleep(250);
  }
  return null;
}

/**
 * Waits until `fn(arg)` in the page is true, asking every 100 ms. Puppeteer's own waitForFunction builds its poller with
 * `new Function` in the page, which an extension page's Content-Security-Policy refuses in firefox-esr 140.
 */
export async function waitInPage(page: Page, fn: (arg: string) => boolean, arg = '', timeout = 5_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`waited ${timeout} ms in ${page.url()} for ${fn.toString()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
