import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from 'playwright/test';
import { DEMO_PORT, FIXTURE_PORT } from '../../../playwright.config';
import { extensionIdOf as extensionId, launchWithExtension } from '../../support/extension';

const FIXTURE = `http://127.0.0.1:${FIXTURE_PORT}/audit/`;
const DEMO = `http://127.0.0.1:${DEMO_PORT}/`;

const launch = (dir: string) => launchWithExtension(dir, undefined, { acceptDownloads: true });

/** Opens the page to audit, then audit mode pointed at it, and runs the rules. */
async function auditOf(context: BrowserContext, url: string): Promise<{ target: Page; panel: Page }> {
  const target = await context.newPage();
  await target.goto(url);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${await extensionId(context)}/audit.html?url=${encodeURIComponent(url)}`);
  await expect(panel.getByTestId('target')).toContainText(url);
  await panel.getByRole('button', { name: /审查此页面/ }).click();
  await expect(panel.getByTestId('status')).toContainText('审查完成', { timeout: 20_000 });
  return { target, panel };
}

const finding = (panel: Page, rule: string) => panel.locator(`[data-testid="findings"] li[data-rule="${rule}"]`);

let dirs: string[] = [];
const profile = () => { const d = mkdtempSync(join(tmpdir(), 'xb-audit-')); dirs.push(d); return d; };
test.afterEach(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); dirs = []; });
test.setTimeout(90_000);

test('audit mode finds a buried licence and highlights it on the page', async () => {
  const context = await launch(profile());
  try {
    const { target, panel } = await auditOf(context, `${FIXTURE}buried-licence.html`);
    await expect(finding(panel, 'licence-prominent').getByTestId('outcome')).toHaveText(/违规/);
    await expect(finding(panel, 'licence-shown').getByTestId('outcome')).toHaveText(/通过/);
    await expect(panel.getByTestId('sha')).toHaveText(/^[0-9a-f]{64}$/);
    // Screenshots wait for the inspector to grant access to all sites; until then the record says so.
    await expect(panel.getByTestId('status')).toContainText('未截图');
    await expect(panel.getByTestId('shots')).toHaveText(/启用截图证据/);
    await finding(panel, 'licence-prominent').getByRole('button', { name: /定位/ }).click();
    await expect(panel.getByTestId('status')).toContainText('已在页面上标出');
    await expect(target.locator('[data-xinbiao-audit-highlight]')).toHaveCount(1);
    await expect(target.locator('[data-xinbiao-audit-highlight]')).toContainText('张家港示例五金有限公司');
  } finally {
    await context.close();
  }
});

test('on the demo platform: the homepage query window passes, a copied mark is a violation', async () => {
  const context = await launch(profile());
  try {
    const home = await auditOf(context, DEMO);
    await expect(finding(home.panel, 'query-windows').getByTestId('outcome')).toHaveText(/通过/);
    const good = await auditOf(context, `${DEMO}shops/youpin/`);
    await expect(finding(good.panel, 'mark-valid').getByTestId('outcome')).toHaveText(/通过/);
    const fake = await auditOf(context, `${DEMO}shops/fake-youpin/`);
    await expect(finding(fake.panel, 'mark-valid').getByTestId('outcome')).toHaveText(/违规/);
    await expect(finding(fake.panel, 'mark-valid')).toContainText('标识被挪用：它属于另一个店铺或网站');
  } finally {
    await context.close();
  }
});

test('verdicts and notes survive a browser restart; export then import gives the same records', async () => {
  const dir = profile();
  let context = await launch(dir);
  const { panel } = await auditOf(context, `${FIXTURE}blacklisted.html`);
  const risk = finding(panel, 'risk-warning');
  await expect(risk.getByTestId('outcome')).toHaveText(/违规/);
  await risk.getByLabel(/结论/).selectOption('confirmed');
  await risk.getByLabel(/备注/).fill('页面无风险提示，已截图。"引号", 逗号');
  await risk.getByRole('button', { name: /保存/ }).click();
  await expect(panel.getByTestId('status')).toHaveText(/已保存/);
  await auditOf(context, `${FIXTURE}good-shop.html`);
  await context.close();

  context = await launch(dir);
  const id = await extensionId(context);
  let page = await context.newPage();
  await page.goto(`chrome-extension://${id}/audit.html`);
  const rows = page.getByTestId('records').locator('tr');
  await expect(rows).toHaveCount(2);
  await page.getByLabel(/结果 Outcome/).selectOption('violation');
  await expect(rows).toHaveCount(1);
  await page.getByLabel(/站点 Site/).fill('127.0.0.1:4173');
  await page.getByLabel(/结果 Outcome/).selectOption('');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: '示例失信折扣店' }).getByRole('button', { name: /查看/ }).click();
  const saved = finding(page, 'risk-warning');
  await expect(saved.getByLabel(/结论/)).toHaveValue('confirmed');
  await expect(saved.getByLabel(/备注/)).toHaveValue('页面无风险提示，已截图。"引号", 逗号');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV/ }).click()]);
  expect(readFileSync(await csv.path(), 'utf8')).toContain('"页面无风险提示，已截图。""引号"", 逗号"');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 JSON/ }).click()]);
  const exported = readFileSync(await json.path(), 'utf8');
  await context.close();

  // A fresh profile: import, export again, and the records are the same.
  context = await launch(profile());
  page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/audit.html`);
  await page.locator('input[name="import"]').setInputFiles({ name: 'records.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('records-status')).toContainText('已导入 2');
  await expect(page.getByTestId('records').locator('tr')).toHaveCount(2);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 JSON/ }).click()]);
  const before = JSON.parse(exported).records;
  const after = JSON.parse(readFileSync(await again.path(), 'utf8')).records;
  expect(after).toEqual(before);
  expect(before[0].html).toContain('示例');
  expect(before[0].htmlSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(before.find((r: { findings: { ruleId: string; note: string }[] }) => r.findings.some((f) => f.note.includes('引号')))).toBeDefined();

  await page.locator('input[name="import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other","records":[]}') });
  await expect(page.getByTestId('records-status')).toContainText('导入失败');
  await context.close();
});
