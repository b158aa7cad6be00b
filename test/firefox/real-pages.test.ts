import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { cliDetect, DETECT_IN_PAGE, detectBundle } from '../support/detect-bundle';
import { startFixtureServer } from '../support/fixture-server';
import { REAL_PAGES, realPages } from '../support/real-pages';
import { launchFirefox } from './firefox';

// Every real page beside the checkout in firefox-esr, served at its platform's test path as saved (no charset in the
// header: Firefox decodes each by its own declaration): detection there finds what `xinbiao detect` finds, which
// test/unit/cli/real-pages.test.ts holds to what a person reads on the page.
const real = realPages();

let server: Server;
let browser: Browser;
let base = '';
let bundle = '';
let cli = new Map<string, unknown>();

beforeAll(async () => {
  server = await startFixtureServer(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [browser, bundle] = await Promise.all([launchFirefox(), detectBundle()]);
  cli = cliDetect(real.map(([f]) => join(REAL_PAGES, f)));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('real pages in firefox-esr', () => {
  it('the corpus is all here', () => {
    expect(real.length).toBeGreaterThanOrEqual(15);
    expect(cli.size).toBe(real.length);
  });

  for (const [file, want] of real) {
    it(`Firefox finds what the CLI finds on ${file}`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${base}/sites/${want.platform}/real/${file}`);
        await page.addScriptTag({ content: bundle });
        expect(await page.evaluate(DETECT_IN_PAGE)).toEqual(cli.get(join(REAL_PAGES, file)));
      } finally {
        await page.close();
      }
    });
  }
});
