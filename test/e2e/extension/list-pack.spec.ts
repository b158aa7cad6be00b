import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { completeUscc } from '../../../core/identifiers/uscc';
import { manifestBytes, packList, shardName } from '../../../core/lists/pack';
import { signList } from '../../../core/lists/sign';
import { badgeIs, badgeView, expect, test } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
const key = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/demo-credit-office-2026.private.jwk.json'), 'utf8'));
// The operator named on jd/unknown.html (unknown while only the samples are in force).
const LISTED = '91990000MA2CFE8A41';

/** A signed 1,500-entry abnormal-operation list, packed: every file by path under /packs/. */
async function packedList(): Promise<Map<string, Buffer>> {
  const header = {
    format: 'xinbiao-list/1', id: 'e2e-abnormal', name: '示例经营异常名录（压缩格式测试）', publisher: { id: 'demo-credit-office', name: '示例信用办' },
    kind: 'abnormal', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00', keyId: 'demo-credit-office-2026', count: 1500,
  };
  const line = (uscc: string, name: string) => JSON.stringify({ uscc, name, reason: '通过登记的住所或者经营场所无法联系', authority: '示例市市场监督管理局（虚构）', since: '2026-06-01' });
  const lines = [line(LISTED, '杭州示例未知商贸有限公司'), ...Array.from({ length: 1499 }, (_, i) => line(completeUscc(`9133010${String(i).padStart(10, '0')}`), `杭州示例异常${i}号商行`))];
  const file = new TextEncoder().encode(`${JSON.stringify(header)}\n${lines.join('\n')}\n`);
  const shards = new Map<string, string>();
  const { manifest, files } = await packList(async function* () { yield file; }, {
    shardLine: (kind, shard, text) => void shards.set(`${kind}/${shard}`, (shards.get(`${kind}/${shard}`) ?? '') + text),
  });
  const out = new Map<string, Buffer>();
  for (const [name, b] of files) out.set(`/packs/${name}`, Buffer.from(b));
  for (const kind of ['uscc', 'name'] as const) {
    const ix = manifest.indexes[kind];
    for (let s = 0; s < 1 << ix.prefixBits; s++) out.set(`/packs/${ix.dir}/${shardName(s, ix.prefixBits)}`, Buffer.from(shards.get(`${kind}/${s}`) ?? ''));
  }
  const m = manifestBytes(manifest);
  out.set('/packs/e2e-abnormal.pack.json', Buffer.from(m));
  out.set('/packs/e2e-abnormal.pack.json.sig', Buffer.from(JSON.stringify(await signList(m, key))));
  return out;
}

test('subscribes to a packed list; a listed shop shows its entry, and no code leaves the device', async ({ context, serviceWorker, extensionId, baseURL }) => {
  void serviceWorker;
  const files = await packedList();
  const seen: string[] = [];
  // Every request of the profile (pages, extension pages, service worker), with any body it carries.
  await context.route('**/*', (route) => (seen.push(route.request().url(), route.request().postData() ?? ''), route.fallback()));
  await context.route(`${baseURL}/packs/**`, (route) => {
    seen.push(route.request().url()); // this route answers first, so it records its own requests
    const body = files.get(new URL(route.request().url()).pathname);
    return body ? route.fulfill({ body }) : route.fulfill({ status: 404, body: 'missing' });
  });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const url = `${baseURL}/packs/e2e-abnormal.pack.json`;
  await options.getByLabel(/名单地址/).fill(url);
  await options.getByRole('button', { name: '订阅' }).click();
  const sub = options.locator(`[data-testid="subscription"][data-url="${url}"]`);
  await expect(sub).toContainText('示例经营异常名录（压缩格式测试）');
  await expect(sub).toContainText('条目: 1500');
  await expect(sub.getByTestId('list-error')).toHaveCount(0);
  const shardsBefore = seen.filter((u) => /\/packs\/e2e-abnormal\.v1\.(uscc|name)\//.test(u));
  expect(shardsBefore).toEqual([]);

  const shop = await context.newPage();
  await shop.goto('/sites/jd/unknown.html');
  await badgeIs(serviceWorker, shop, { level: 'caution' });
  await badgeView(serviceWorker, shop, 'click');
  await badgeIs(serviceWorker, shop, { dialogOpen: true, dialog: expect.stringContaining('通过登记的住所或者经营场所无法联系') });

  // Only whole files and hash-prefix shards were asked for; the shop's code and name never appear in a request.
  const packs = seen.filter((u) => u.includes('/packs/'));
  expect(packs.some((u) => /\/packs\/e2e-abnormal\.v1\.(uscc|name)\/[0-9a-f]+\.ndjson$/.test(u))).toBe(true);
  for (const u of seen) {
    expect(u).not.toContain(LISTED);
    expect(decodeURIComponent(u)).not.toContain('杭州示例未知商贸');
  }
});
