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
  // What the page wrote inside the host and on it is gone.
  const host = await page.evaluate(() => {
    const el = document.querySelector('xinbiao-badge')!;
    return { text: el.textContent, hidden: el.hasAttribute('hidden'), style: el.getAttribute('style'), theme: el.getAttribute('theme') };
  });
  expect(host).toEqual({ text: '', hidden: false, style: null, theme: null });
  const box = await page.locator('xinbiao-badge').evaluate((el) => el.getBoundingClientRect().toJSON());
  expect(box.x).toBeGreaterThan(0);
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
