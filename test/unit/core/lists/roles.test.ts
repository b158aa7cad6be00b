import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listKeys } from '../../../../core/trust/find-key';
import { verifyTrustList } from '../../../../core/trust/verify';
import { verifyList } from '../../../../core/lists/verify';

const ROOT = join(import.meta.dirname, '../../../..');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
async function* chunks(...parts: Uint8Array[]) {
  yield* parts;
}
const bytes = async (p: string) => chunks(new Uint8Array(await readFile(join(ROOT, p))));

async function keys() {
  const root = JSON.parse(await readFile(join(ROOT, 'samples/keys/demo-root-2026.public.jwk.json'), 'utf8'));
  const trust = await verifyTrustList((await readFile(join(ROOT, 'samples/trust/trust.jws'), 'utf8')).trim(), root, NOW);
  if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
  return listKeys(trust.trust, () => NOW);
}

describe('list verification with key roles', () => {
  it('verifies a sample list signed by the publisher its header names', async () => {
    const r = await verifyList(await bytes('samples/lists/demo-red.ndjson'), await readFile(join(ROOT, 'samples/lists/demo-red.ndjson.sig')), await keys(), { now: () => NOW });
    expect(r.error).toBeUndefined();
  });

  it('refuses a list signed with a platform key as wrong-role', async () => {
    const r = await verifyList(await bytes('test/fixtures/sites/lists/platform-signed.ndjson'), await readFile(join(ROOT, 'test/fixtures/sites/lists/platform-signed.ndjson.sig')), await keys(), { now: () => NOW });
    expect(r.error).toMatchObject({ code: 'wrong-role', line: 1 });
    expect(r.error?.en).toContain('platform key signs shop marks only');
  });

  it('refuses a list whose header names another publisher than the key holder as publisher-mismatch', async () => {
    const text = (await readFile(join(ROOT, 'samples/lists/demo-red.ndjson'), 'utf8')).replace('"publisher":{"id":"demo-credit-office"', '"publisher":{"id":"demo-platform"');
    const r = await verifyList(chunks(new TextEncoder().encode(text)), await readFile(join(ROOT, 'samples/lists/demo-red.ndjson.sig')), await keys(), { now: () => NOW });
    expect(r.error).toMatchObject({ code: 'publisher-mismatch' });
    expect(r.error?.zh).toContain('名单声明的发布者不是签名密钥的持有者');
  });
});
