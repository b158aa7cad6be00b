import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'playwright/test';
import { cliDetect, DETECT_IN_PAGE, detectBundle } from '../../support/detect-bundle';
import { REAL_PAGES, realPages } from '../../support/real-pages';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = 'test/fixtures/pages';
const files = readdirSync(join(ROOT, PAGES)).filter((f) => f.endsWith('.html')).sort();
// The real pages beside the checkout: test/unit/cli/real-pages.test.ts holds the CLI to what a person reads on each.
const real = realPages();

let bundle = '';
let cli = new Map<string, unknown>();

test.beforeAll(async () => {
  bundle = await detectBundle();
  cli = cliDetect([...files.map((f) => `${PAGES}/${f}`), ...real.map(([f]) => join(REAL_PAGES, f))]);
});

test('every fixture page is covered', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
  expect(cli.size).toBe(files.length + real.length);
});

for (const file of files) {
  test(`Chromium finds what the CLI finds: ${file}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/pages/${file}`);
    if (file === 'hostile.html') {
      // The page's own patches are in force in the main world where detection runs.
      expect(await page.evaluate(() => { try { document.createTreeWalker(document.body).nextNode(); return 'intact'; } catch { return 'patched'; } })).toBe('patched');
    }
    await page.addScriptTag({ content: bundle });
    const found = await page.evaluate(() => {
      const api = (globalThis as unknown as { XinbiaoDetect: typeof import('../../../core/detect') }).XinbiaoDetect;
      return api.detectionToJson(api.detect(document));
    });
    const expected = cli.get(`${PAGES}/${file}`) as { subjects: unknown[] };
    expect(found).toEqual(expected);
    expect(errors).toEqual([]);
    if (file !== 'platform-home.html') expect(found.subjects.length).toBeGreaterThan(0);
  });
}

// Served at their platform's test path as saved (no charset in the header): the browser decodes each by its own
// declaration, as the CLI does, and finds the same subjects, marks and fields.
for (const [file, want] of real) {
  test(`Chromium finds what the CLI finds on the real page ${file}`, async ({ page }) => {
    await page.goto(`/sites/${want.platform}/real/${file}`);
    await page.addScriptTag({ content: bundle });
    expect(await page.evaluate(DETECT_IN_PAGE)).toEqual(cli.get(join(REAL_PAGES, file)));
  });
}
