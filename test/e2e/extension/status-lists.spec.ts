import type { Request } from 'playwright/test';
import { DEMO_PORT } from '../../../playwright.config';
import { badgeIs, badgeView, expect, test, toolbarOf } from './fixtures';

// Marks of 示例优选, whose issuer withdraws marks through its status list (docs/status-list.md "In the demo"): the demo
// server signs that list at the URL the sample trust list declares; status-mark.html shows one of the two marks.
const LIST = `http://127.0.0.1:${DEMO_PORT}/status/demo-select.jws`;
const RED = [207, 34, 46, 255]; // action.ts ACTION_COLOUR.danger
const AMBER = [154, 103, 0, 255]; // caution

test('a withdrawn mark is its own finding; the list is fetched whole, once, with nothing that names the mark or the shopper', async ({ context, serviceWorker }) => {
  const fetched: Request[] = [];
  context.on('request', (r) => { if (r.url().includes('/status/')) fetched.push(r); });
  // A cookie the issuer set earlier must not travel with the list request.
  await context.addCookies([{ name: 'shopper', value: 'id-42', url: `http://127.0.0.1:${DEMO_PORT}` }]);

  const withdrawn = await context.newPage();
  await withdrawn.goto('/sites/jd/status-mark.html?shop=chehui');
  await badgeIs(serviceWorker, withdrawn, { level: 'danger', button: expect.stringContaining('标识已被签发者撤销') });
  const toolbar = await toolbarOf(serviceWorker, withdrawn);
  expect(toolbar).toMatchObject({ text: '✕!', colour: RED }); // danger, and a mark flagged
  expect(toolbar.title).toContain('示例撤标日用品有限公司');
  expect(toolbar.title).toContain('标识已被签发者撤销 / Revoked mark: withdrawn by its issuer');

  const valid = await context.newPage();
  await valid.goto('/sites/jd/status-mark.html?shop=zaixian');
  await badgeIs(serviceWorker, valid, { level: 'good', button: expect.stringContaining('示例在售日用品有限公司') });

  // One request for both marks, to the declared address exactly: the issuer cannot tell which mark was checked.
  expect(fetched.map((r) => [r.method(), r.url()])).toEqual([['GET', LIST]]);
  const headers = await fetched[0]!.allHeaders();
  expect(headers.cookie).toBeUndefined();
  expect(headers.referer).toBeUndefined();
  expect(fetched[0]!.postData()).toBeNull();
  // Asked by the extension's background, not by the page.
  expect(fetched[0]!.serviceWorker()?.url()).toMatch(/^chrome-extension:\/\//);
});

test('an unreachable status list: status unknown, never genuine', async ({ context, serviceWorker }) => {
  let refused = 0;
  await context.route('**/status/demo-select.jws', (route) => { refused++; return route.abort('connectionrefused'); });
  for (const shop of ['zaixian', 'chehui']) {
    const page = await context.newPage();
    await page.goto(`/sites/jd/status-mark.html?shop=${shop}`);
    await badgeIs(serviceWorker, page, { level: 'caution', button: expect.stringContaining('标识状态未知') });
    const toolbar = await toolbarOf(serviceWorker, page);
    expect(toolbar.colour).toEqual(AMBER);
    expect(toolbar.title).toContain('标识状态未知：无法确认是否已撤销 / Mark status unknown: withdrawal cannot be checked');
  }
  expect(refused).toBeGreaterThan(0);
});

test('the licence card links to the independent check page the trust list declares for the issuer', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/sites/jd/status-mark.html?shop=zaixian');
  await badgeIs(serviceWorker, page, { level: 'good' });
  await badgeView(serviceWorker, page, 'click');
  await expect.poll(async () => (await badgeView(serviceWorker, page)).links).toContain('在签发平台核验此标识: 示例优选 https://demo-select.example/check/91990000MA7D2F0708');
});
