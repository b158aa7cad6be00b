import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from 'playwright/test';
import { FIXTURE_PORT } from '../../../playwright.config';
import { extensionIdOf as extensionId, launchWithExtension, serviceWorkerOf } from '../../support/extension';

// A test build whose manifest grants '<all_urls>' at install: headless Chromium cannot accept a permission prompt
// nor click the toolbar button (activeTab), so this is how the capture path itself gets exercised.
const GRANTS_DIR = resolve('.output/chrome-mv3-grants');
const PAGE = `http://127.0.0.1:${FIXTURE_PORT}/audit/good-shop.html`;
const HEADER_COLOUR = [0xfd, 0xf3, 0xe7]; // .shop-header background in the fixture

const launch = (dir: string) => launchWithExtension(dir, GRANTS_DIR, { acceptDownloads: true });

const PNG_DATA_URL = 'data:image/png;base64,';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(dataUrl: string): { width: number; height: number } {
  expect(dataUrl.startsWith(PNG_DATA_URL)).toBe(true);
  const png = Buffer.from(dataUrl.slice(PNG_DATA_URL.length), 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One pixel of the record's screenshot, decoded by the browser. */
const pixelAt = (panel: Page, dataUrl: string, x: number, y: number) => panel.evaluate(async ([src, px, py]) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
  const g = c.getContext('2d')!;
  g.drawImage(img, 0, 0);
  return Array.from(g.getImageData(px, py, 1, 1).data.slice(0, 3));
}, [dataUrl, x, y] as const);

let dirs: string[] = [];
const profile = () => { const d = mkdtempSync(join(tmpdir(), 'xb-audit-shot-')); dirs.push(d); return d; };
test.afterEach(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); dirs = []; });
test.setTimeout(90_000);

test.beforeAll(() => {
  test.setTimeout(120_000);
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build'], { env: { ...process.env, XINBIAO_TEST_GRANT_ALL: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`test build failed:\n${r.stdout}\n${r.stderr}`);
  const manifest = JSON.parse(readFileSync(join(GRANTS_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toContain('<all_urls>');
});

test('with access granted, the record holds a PNG of the audited tab that survives export and import', async () => {
  let context = await launch(profile());
  let exported: string;
  let shot: string;
  try {
    const target = await context.newPage();
    await target.goto(PAGE);
    const viewport = await target.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const header = (await target.locator('.shop-header').boundingBox())!;
    // Audit mode in its own tab, named by tab id as the popup's "审查此页" link does.
    const sw = await serviceWorkerOf(context);
    const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, PAGE);
    expect(tabId).toEqual(expect.any(Number));
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${await extensionId(context)}/audit.html?tab=${tabId}`);
    await expect(panel.getByTestId('target')).toContainText(PAGE);
    await expect(panel.getByTestId('shots')).toHaveText(/截图已启用/);
    await panel.getByRole('button', { name: /审查此页面/ }).click();
    await expect(panel.getByTestId('status')).toContainText('审查完成', { timeout: 20_000 });
    await expect(panel.getByTestId('status')).not.toContainText('未截图');
    // Focus is back on audit mode after the capture.
    expect(await panel.evaluate(() => document.visibilityState)).toBe('visible');

    shot = (await panel.locator('img.shot').getAttribute('src'))!;
    expect(pngSize(shot)).toEqual(viewport);
    // The capture shows the shop page, not the audit tab: the header's colour where the header is.
    const colour = await pixelAt(panel, shot, Math.round(header.x + 4), Math.round(header.y + 4));
    colour.forEach((v, i) => expect(Math.abs(v - HEADER_COLOUR[i]!)).toBeLessThanOrEqual(3));

    const [json] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: /导出 JSON/ }).click()]);
    exported = readFileSync(await json.path(), 'utf8');
    expect(JSON.parse(exported).records[0].screenshot).toBe(shot);
  } finally {
    await context.close();
  }

  // A fresh profile: the imported record shows the same screenshot.
  context = await launch(profile());
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${await extensionId(context)}/audit.html`);
    await page.locator('input[name="import"]').setInputFiles({ name: 'records.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(page.getByTestId('records-status')).toContainText('已导入 1');
    await page.getByTestId('records').locator('tr').getByRole('button', { name: /查看/ }).click();
    await expect(page.locator('img.shot')).toHaveAttribute('src', shot);
  } finally {
    await context.close();
  }
});
