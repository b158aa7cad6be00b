import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PORT } from '../../../playwright.config';
import { launchWithExtension } from '../../support/extension';
import { badgeIs, badgeView, expect, test as base, type BadgeView } from './fixtures';

// Any-site detection on the demo platform, which is none of the listed platforms. Chromium asks for access to all
// sites in a dialog of its own window that headless Chromium leaves unanswered (permissions.request never settles) and
// that this Chromium has no switch to accept; nor does chrome://extensions offer optional host access. So this runs
// the test build whose manifest grants '<all_urls>' at install (as test/e2e/audit/screenshot.spec.ts does): the
// shopper's click then gets its answer at once, and the rest of the path is the one a shopper takes.
const GRANTS_DIR = resolve('.output/chrome-mv3-grants');
const SHOP = `http://127.0.0.1:${DEMO_PORT}/shops/youpin/`;
const OPERATOR = '杭州示例优品商贸有限公司';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'xb-generic-'));
    const context = await launchWithExtension(userDataDir, GRANTS_DIR);
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
});

test.beforeAll(() => {
  test.setTimeout(120_000);
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build'], { env: { ...process.env, XINBIAO_TEST_GRANT_ALL: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`test build failed:\n${r.stdout}\n${r.stderr}`);
  expect(JSON.parse(readFileSync(join(GRANTS_DIR, 'manifest.json'), 'utf8')).host_permissions).toContain('<all_urls>');
});

test('a click on the options checkbox turns on any-site detection; then the demo shop shows the badge and the details of its mark', async ({ context, serviceWorker, extensionId }) => {
  const shop = await context.newPage();
  // Before: the detector is not registered and the demo shop gets no badge.
  expect(await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  await shop.goto(SHOP);
  await expect(shop.locator('h1')).toHaveText('示例优品旗舰店');
  await shop.waitForTimeout(1500);
  expect((await badgeView(serviceWorker, shop)).count).toBe(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // Chromium's own words for the grant, not Firefox's.
  await expect(options.getByTestId('any-why')).toContainText('浏览器会询问是否允许信标“读取和更改您在所有网站上的数据”：点“允许”即开启。');
  await expect(options.getByTestId('any-why')).not.toContainText('Firefox');
  await options.getByLabel(/需要“访问所有网站”权限/).check();
  await expect(options.getByLabel(/需要“访问所有网站”权限/)).toBeChecked();
  await expect(options.getByRole('alert')).toHaveCount(0);
  expect(await serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches, s.js])))
    .toEqual([['xinbiao-generic', ['*://*/*'], ['generic.js']]]);

  await shop.reload();
  await badgeIs(serviceWorker, shop, { level: 'good', button: expect.stringContaining(OPERATOR) });
  // Clicked and read at once: the badge is drawn anew, closed, when the page's own <xinbiao-mark> finishes its check
  // (a click on an open badge does nothing).
  let view: BadgeView | undefined;
  await expect.poll(async () => (view = await badgeView(serviceWorker, shop, 'click')).dialogOpen, { timeout: 10_000 }).toBe(true);
  const dialog = view!.dialog;
  // The operator's licence as the signed mark carries it (samples/marks/youpin.jws), and the mark itself.
  for (const text of [OPERATOR, '91990000MA2H7Q013E', '有限责任公司', '示例市市场监督管理局', '标识有效：由可信平台签发，且属于本店',
    '核验方示例商城', '营业执照核验 + 法定代表人实名认证', '示例商城店铺评级', '五星', '纳税信用等级']) expect(dialog).toContain(text);
});
