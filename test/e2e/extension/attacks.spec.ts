import { badgeIs, badgeView, expect, storedReport, test, toolbarOf } from './fixtures';

// Attacks of a hostile shop page on the extension's verdict (issue "Trust that cannot be forged", points 2, 3, 7):
// each time, the badge (read in the extension's own world) and the toolbar button show the true level.

const RED = [207, 34, 46, 255]; // action.ts ACTION_COLOUR.danger
const AMBER = [154, 103, 0, 255]; // caution

test('replayed start messages and location events neither stop the extension nor learn its id', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-replay.html');
  await badgeIs(serviceWorker, page, { level: 'neutral', button: expect.stringContaining('杭州示例优品商贸有限公司') });
  // The exact message WXT's content-script context used to post, with the real id, and its location-change event.
  await page.evaluate((id) => {
    for (const name of ['page', 'content', 'page.content']) {
      postMessage({ type: `${id}:${name}:wxt:content-script-started`, contentScriptName: name, messageId: 'replayed', __own: true }, '*');
    }
    dispatchEvent(new CustomEvent(`${id}:wxt:locationchange`, { detail: {} }));
  }, extensionId);
  await page.waitForTimeout(500);
  await badgeIs(serviceWorker, page, { level: 'neutral', connected: true, visible: true });
  // Still watching: the page turns into a black-listed operator's, and the badge follows.
  await page.click('#next');
  await badgeIs(serviceWorker, page, { level: 'danger', button: expect.stringContaining('深圳示例失信贸易有限公司'), count: 1 });
  expect((await toolbarOf(serviceWorker, page)).colour).toEqual(RED);
  // Nothing the extension posted to the page named it (the page keeps whatever others post to it).
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));
  expect(seen).not.toContain(extensionId);
  expect(seen).not.toContain('wxt');
});

test('shadow rewrite, hiding attributes and stylesheets: the badge stays, closed and visible', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-shadow.html');
  await badgeIs(serviceWorker, page, { level: 'danger' });
  await page.waitForFunction(() => (window as unknown as { __attack: { rounds: number } }).__attack.rounds >= 5);
  await badgeIs(serviceWorker, page, { level: 'danger', connected: true, visible: true, count: 1 });
  const attack = await page.evaluate(() => (window as unknown as { __attack: { shadowRootSeen: boolean; attachRefused: number } }).__attack);
  expect(attack.shadowRootSeen).toBe(false);
  expect(attack.attachRefused).toBeGreaterThan(0);
  // What the page wrote inside the host and on it is gone (read where the page cannot: its name is unknown to it).
  const view = await badgeView(serviceWorker, page);
  expect(view.host?.text).toBe('');
  expect(view.host?.attrs).not.toHaveProperty('hidden');
  expect(view.host?.attrs).not.toHaveProperty('style');
  expect(view.host?.attrs).not.toHaveProperty('theme');
  expect(view.box!.left).toBeGreaterThan(0);
  const toolbar = await toolbarOf(serviceWorker, page);
  expect(toolbar).toMatchObject({ text: '✕', colour: RED });
  expect(toolbar.title).toContain('深圳示例失信贸易有限公司');
  expect(toolbar.title).toContain('风险提示 / Risk warning');
});

test('remove-and-replace with a look-alike: the real badge comes back next to it', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-replace.html');
  await page.waitForFunction(() => (window as unknown as { __attack: { removed: number } }).__attack.removed >= 1);
  await badgeIs(serviceWorker, page, { level: 'danger', connected: true, visible: true, count: 1 });
  await expect(page.locator('xinbiao-badge[data-fake]')).toHaveCount(1);
  expect(await toolbarOf(serviceWorker, page)).toMatchObject({ text: '✕', colour: RED });
});

test('a page that removes the badge every time it returns: the toolbar keeps the verdict, the page is not hung', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-replace.html?every');
  await page.waitForFunction(() => (window as unknown as { __attack: { removed: number } }).__attack.removed >= 3);
  await expect.poll(() => toolbarOf(serviceWorker, page)).toMatchObject({ text: '✕', colour: RED });
  // The redraws are bounded (a burst, then once a second): the page still answers.
  const removed = await page.evaluate(() => (window as unknown as { __attack: { removed: number } }).__attack.removed);
  expect(removed).toBeLessThan(200);
  expect((await badgeView(serviceWorker, page)).level).toBe('danger');
});

test('a page-supplied trust root: the extension checks the mark against its own list and flags the page\'s claim', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-root.html');
  // The page's own widget believes its own root…
  await expect(page.locator('xinbiao-mark')).toHaveAttribute('data-outcome', 'genuine');
  // …the extension does not: unknown issuer, and the page's claim is flagged.
  await badgeIs(serviceWorker, page, { level: 'caution', button: expect.stringContaining('签发者不在信任名单中') });
  await expect.poll(async () => (await storedReport(serviceWorker, page.url())).subjects[0]?.level).toBe('caution');
  await expect.poll(async () => (await toolbarOf(serviceWorker, page)).title).toContain('页面上的标识自称“标识有效');
  expect(await toolbarOf(serviceWorker, page)).toMatchObject({ text: '!', colour: AMBER });
});

type Attack = { __attack: { removed: number; max: number; covered: number; rounds: number; found: string[] } };

test('a page that removes the badge each time it is drawn (a loop of 50): the redraws back off, the toolbar keeps the verdict', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-remove-loop.html');
  await page.waitForFunction(() => (window as unknown as Attack).__attack.removed >= 21);
  await expect.poll(() => toolbarOf(serviceWorker, page)).toMatchObject({ text: '✕', colour: RED });
  // A burst of 20 immediate redraws, then the timer puts it back 1, 2, 4… s apart: a few redraws in 4 s, not hundreds.
  const before = await page.evaluate(() => (window as unknown as Attack).__attack.removed);
  await page.waitForTimeout(4000);
  const after = await page.evaluate(() => (window as unknown as Attack).__attack.removed);
  expect(before).toBeLessThanOrEqual(24);
  expect(after - before).toBeLessThanOrEqual(4);
  expect(after).toBeLessThan(50);
  // The page stops: the badge is back, and the extension counted exactly the redraws the page undid.
  await page.evaluate(() => { (window as unknown as Attack).__attack.max = 0; });
  await badgeIs(serviceWorker, page, { level: 'danger', connected: true, visible: true, count: 1 });
  const removed = await page.evaluate(() => (window as unknown as Attack).__attack.removed);
  expect((await badgeView(serviceWorker, page)).redraws).toBe(removed);
});

test('a look-alike "✓ 可信" over and beside the badge: ours is raised above it, the toolbar shows the true level', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-cover.html');
  await badgeIs(serviceWorker, page, { level: 'danger' });
  await page.waitForFunction(() => (window as unknown as Attack).__attack.covered >= 10);
  // What is hit at the badge's centre is our host, not the page's look-alike (elementFromPoint, in the extension's world).
  await expect.poll(async () => (await badgeView(serviceWorker, page)).onTop, { timeout: 10_000 }).toBe(true);
  const view = await badgeView(serviceWorker, page);
  expect(view).toMatchObject({ level: 'danger', visible: true, connected: true, count: 1 });
  expect(view.raised).toBeGreaterThan(0);
  await expect(page.locator('.fake-badge')).toHaveCount(2);
  expect(await toolbarOf(serviceWorker, page)).toMatchObject({ text: '✕', colour: RED });
});

test('a page that looks the badge up by its old name or by attributes finds nothing while the badge shows', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/attack-lookup.html');
  await badgeIs(serviceWorker, page, { level: 'danger', visible: true, connected: true });
  await page.waitForFunction(() => (window as unknown as Attack).__attack.rounds >= 10);
  expect(await page.evaluate(() => document.querySelector('xinbiao-badge'))).toBeNull();
  expect(await page.evaluate(() => (window as unknown as Attack).__attack.found)).toEqual([]);
  const first = (await badgeView(serviceWorker, page)).host!;
  expect(first.tag).toMatch(/^[a-z]{6}-[a-z]{6}$/);
  expect(first.attrs).toEqual({});
  // Another load, another name.
  await page.reload();
  await badgeIs(serviceWorker, page, { level: 'danger', visible: true });
  expect((await badgeView(serviceWorker, page)).host!.tag).not.toBe(first.tag);
  expect(await toolbarOf(serviceWorker, page)).toMatchObject({ text: '✕', colour: RED });
});
