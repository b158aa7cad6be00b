// Signs the list a shopper subscribes to in the options tests (served by the fixture server) with the sample list
// publisher's key. Run: npx tsx test/e2e/extension/gen-fixture-lists.ts  (deterministic: Ed25519 signatures do not change).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signList } from '../../../core/lists/sign';

const ROOT = resolve(import.meta.dirname, '../../..');
const key = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/demo-credit-office-2026.private.jwk.json'), 'utf8'));
const OUT = resolve(ROOT, 'test/fixtures/sites/lists');

/** A one-entry black list that names the operator of jd/unknown.html (unknown while only the samples are in force). */
export function watchList(version: number, reason: string): string {
  const header = {
    format: 'xinbiao-list/1', id: 'e2e-watch', name: '示例重点关注名单（测试）', publisher: { id: 'demo-credit-office', name: '示例信用办' },
    kind: 'black', version, issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00', keyId: 'demo-credit-office-2026', count: 1,
  };
  const entry = { uscc: '91990000MA2CFE8A41', name: '杭州示例未知商贸有限公司', reason, authority: '示例市市场监督管理局（虚构）', since: '2026-10-01', until: '2030-09-30' };
  return `${JSON.stringify(header)}\n${JSON.stringify(entry)}\n`;
}

/**
 * A red list that praises the operator of jd/unknown.html, claims the sample credit office as its publisher, and is
 * signed with the sample PLATFORM key (a key that may sign shop marks only): every verifier must refuse it (wrong-role).
 */
export function platformSignedList(): string {
  const header = {
    format: 'xinbiao-list/1', id: 'e2e-platform-signed', name: '守信红名单（平台密钥签署）', publisher: { id: 'demo-credit-office', name: '示例信用办' },
    kind: 'red', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00', keyId: 'demo-platform-2026', count: 1,
  };
  const entry = { uscc: '91990000MA2CFE8A41', name: '杭州示例未知商贸有限公司', reason: '示例：平台自称的守信激励', authority: '示例商城', since: '2026-10-01', until: '2030-09-30' };
  return `${JSON.stringify(header)}\n${JSON.stringify(entry)}\n`;
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  const body = watchList(1, '示例：虚假宣传，列入关注');
  writeFileSync(resolve(OUT, 'watch.ndjson'), body);
  const sig = await signList(new TextEncoder().encode(body), key);
  writeFileSync(resolve(OUT, 'watch.ndjson.sig'), `${JSON.stringify(sig, null, 2)}\n`);
  const platformKey = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/demo-platform-2026.private.jwk.json'), 'utf8'));
  const forged = platformSignedList();
  writeFileSync(resolve(OUT, 'platform-signed.ndjson'), forged);
  writeFileSync(resolve(OUT, 'platform-signed.ndjson.sig'), `${JSON.stringify(await signList(new TextEncoder().encode(forged), platformKey), null, 2)}\n`);
  console.error('wrote test/fixtures/sites/lists/watch.ndjson, platform-signed.ndjson and their .sig');
}
