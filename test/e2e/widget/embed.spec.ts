import { expect, test } from 'playwright/test';
import { axe, fixtures, markSettled, routeHosts, watchCsp } from './support';

test.beforeEach(async ({ page }) => routeHosts(page));

for (const file of ['script-before', 'script-after', 'twice']) {
  test(`${file}: the mark verifies and draws the shop`, async ({ page }) => {
    await page.goto(`${fixtures}/hosts/${file}.html`);
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    await expect(mark).toHaveAttribute('data-outcome', 'genuine');
    await expect(mark.locator('button')).toContainText('示例优品旗舰店');
    expect(await page.evaluate(() => typeof window.XinBiao?.scan)).toBe('function');
  });
}

test('included twice: one definition, one loader, no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${fixtures}/hosts/twice.html`);
  await markSettled(page.locator('xinbiao-mark'));
  expect(await page.evaluate(() => window.XinBiao!.ready.then((a) => a.version))).toBe('0.1.0');
  expect(errors).toEqual([]);
});

test('SPA: marks added later upgrade, and XinBiao.update swaps the token', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/spa.html`);
  await page.evaluate(() => window.XinBiao!.ready);
  const token = await page.locator('xinbiao-mark').count();
  expect(token).toBe(0);
  await page.evaluate(() => {
    const app = document.getElementById('app')!;
    app.replaceChildren();
    const m = document.createElement('xinbiao-mark');
    m.setAttribute('trust', '#xb-trust');
    m.setAttribute('trust-root', '#xb-root');
    m.setAttribute('token', 'not-a-token');
    app.append(m);
  });
  const mark = page.locator('xinbiao-mark');
  await expect(mark).toHaveAttribute('data-outcome', 'malformed');
  const fresh = await import('./support').then((s) => s.fixtureToken());
  await page.evaluate((t) => window.XinBiao!.update(document.querySelector('xinbiao-mark')!, t), fresh);
  await expect(mark).toHaveAttribute('data-outcome', 'genuine');
  await expect(mark).toHaveAttribute('data-level', /neutral|good/);
});

test('strict CSP host page: no violations, both elements draw', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${fixtures}/hosts/strict-csp.html`);
  await markSettled(page.locator('xinbiao-mark'));
  await expect(page.locator('xinbiao-query input')).toBeVisible();
  await page.locator('xinbiao-mark button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('hostile host CSS cannot hide or restyle the elements', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/hostile.html`);
  const button = page.locator('xinbiao-mark button');
  await markSettled(page.locator('xinbiao-mark'));
  await expect(button).toBeVisible();
  const box = await page.locator('xinbiao-mark').boundingBox();
  expect(box!.height).toBe(56);
  expect(box!.width).toBeGreaterThan(200);
  expect(await button.evaluate((b) => getComputedStyle(b).fontSize)).not.toBe('40px');
  await expect(page.locator('xinbiao-query input')).toBeVisible();
});

test('keyboard: Tab to the mark, Enter opens the card, Tab stays inside, Esc closes and focus returns', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  await markSettled(page.locator('xinbiao-mark'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '杭州示例优品商贸有限公司' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toContainText('统一社会信用代码');
  await expect(dialog).toContainText('91990000MA2H7Q013E');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.closest('dialog') != null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-haspopup'))).toBe('dialog');
});

test('axe-core: no violations on the host page with the mark, the open card and the query window', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  await markSettled(page.locator('xinbiao-mark'));
  expect((await axe(page)).map((v) => v.id)).toEqual([]);
  await page.locator('xinbiao-mark button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect((await page.evaluate(async () => (await (window as any).axe.run()).violations)).map((v: { id: string }) => v.id)).toEqual([]);
});

test('no layout shift while the mark loads and verifies (LayoutShift entries)', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  await markSettled(page.locator('xinbiao-mark'));
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => new Promise<number>((done) => {
    let sum = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value; })
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => done(sum), 200);
  }));
  expect(shift).toBe(0);
});

test('English when the element asks for it, and theme dark through the attribute', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await mark.evaluate((m) => { m.setAttribute('lang', 'en'); m.setAttribute('theme', 'dark'); });
  await expect(mark.locator('button')).toContainText(/verified|No concerns|Trusted/);
  const bg = await mark.locator('button').evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(bg).toBe('rgb(28, 32, 39)');
});

// `all: initial` leaves `direction` alone: on a right-to-left host (a Uyghur-language page) the mark keeps its own
// left-to-right layout, icon first, text after it.
test('on a right-to-left host the mark keeps its left-to-right layout', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/rtl.html`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  const layout = await mark.evaluate((el) => {
    const root = el.shadowRoot!;
    const ico = root.querySelector('.ico')!.getBoundingClientRect();
    const text = root.querySelector('.t')!.getBoundingClientRect();
    return { direction: getComputedStyle(root.querySelector('button')!).direction, iconFirst: ico.right <= text.left };
  });
  expect(layout).toEqual({ direction: 'ltr', iconFirst: true });
});

test('query window: an attribute change while the shopper types keeps the text, the focus and the caret', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  await page.evaluate(() => window.XinBiao!.ready);
  await page.evaluate(() => document.querySelector('main')!.append(document.createElement('xinbiao-query')));
  const box = page.locator('xinbiao-query input');
  await box.click();
  await page.keyboard.type('91990000MA2H7Q013E');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.locator('xinbiao-query').evaluate((q) => q.setAttribute('lang', 'en'));
  await expect(page.locator('xinbiao-query button[type=submit]')).toHaveText('Search');
  const state = await page.locator('xinbiao-query').evaluate((q) => {
    const input = q.shadowRoot!.querySelector('input')!;
    return { value: input.value, focused: q.shadowRoot!.activeElement === input, caret: input.selectionStart };
  });
  expect(state).toEqual({ value: '91990000MA2H7Q013E', focused: true, caret: 16 });
  // Typing goes on where it stopped.
  await page.keyboard.type('x');
  await expect(box).toHaveValue('91990000MA2H7Q01x3E');
});

test('card open: an attribute change redraws it in place, with the focus on the same control', async ({ page }) => {
  await page.goto(`${fixtures}/hosts/script-before.html`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await mark.locator('button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const focused = () => mark.evaluate((m) => {
    const root = m.shadowRoot!;
    const all = [...root.querySelectorAll('dialog a[href], dialog button')];
    return { index: all.indexOf(root.activeElement!), open: root.querySelector('dialog')?.open ?? false };
  });
  const before = await focused();
  expect(before).toEqual({ index: 3, open: true });
  await mark.evaluate((m) => m.setAttribute('lang', 'en'));
  await expect(page.getByRole('dialog')).toContainText('Credit code (USCC)');
  expect(await focused()).toEqual(before);
});
