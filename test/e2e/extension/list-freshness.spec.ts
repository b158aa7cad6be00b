import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from '../../../core/crypto/sha256';
import { signList } from '../../../core/lists/sign';
import { makeTimestamp, timestampBytes } from '../../../core/lists/timestamp';
import type { ListHeader } from '../../../core/lists/schema';
import { badgeIs, badgeView, expect, test } from './fixtures';

const LIST_PATH = '/sites/lists/watch.ndjson';
const ROOT = resolve(import.meta.dirname, '../../..');
const key = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/demo-credit-office-2026.private.jwk.json'), 'utf8'));
const served = readFileSync(resolve(ROOT, 'test/fixtures/sites/lists/watch.ndjson'));
const head = JSON.parse(served.toString('utf8').split('\n')[0]!) as ListHeader;

/** A timestamp signed by the list's publisher, issued now, naming `version` with the given file digest. */
async function stamp(version: number, sha256: string) {
  const bytes = timestampBytes(makeTimestamp({ ...head, version }, sha256, Date.now(), 6));
  return { body: Buffer.from(bytes), sig: JSON.stringify(await signList(bytes, key)) };
}

test('a list whose timestamp names a newer edition it cannot get shows "not current" in options; its entries still warn', async ({ context, serviceWorker, extensionId, baseURL }) => {
  void serviceWorker;
  const listUrl = `${baseURL}${LIST_PATH}`;
  let ts = await stamp(1, sha256Hex(new Uint8Array(served)));
  await context.route(`${listUrl}.timestamp.json`, (route) => route.fulfill({ contentType: 'application/json', body: ts.body }));
  await context.route(`${listUrl}.timestamp.json.sig`, (route) => route.fulfill({ contentType: 'application/json', body: ts.sig }));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/名单地址/).fill(listUrl);
  await options.getByRole('button', { name: '订阅' }).click();
  const sub = options.locator(`[data-testid="subscription"][data-url="${listUrl}"]`);
  await expect(sub).toContainText('版本: 1');
  await expect(sub.getByTestId('list-not-current')).toHaveCount(0);
  await expect(sub.getByTestId('list-error')).toHaveCount(0);

  // The publisher's fresh timestamp names version 2, but the mirror keeps serving version 1 and no delta.
  ts = await stamp(2, 'ab'.repeat(32));
  await sub.getByRole('button', { name: '立即更新' }).click();
  await expect(sub.getByTestId('list-not-current')).toContainText('名单自');
  await expect(sub.getByTestId('list-not-current')).toContainText('起未更新');
  await expect(sub.getByTestId('list-error')).toContainText('名单不是最新版本');
  await expect(sub).toContainText('版本: 1');

  const shop = await context.newPage();
  await shop.goto('/sites/jd/unknown.html');
  await badgeIs(serviceWorker, shop, { level: 'danger' });
  await badgeView(serviceWorker, shop, 'click');
  await badgeIs(serviceWorker, shop, { dialogOpen: true, dialog: expect.stringContaining('起未更新') });
});
