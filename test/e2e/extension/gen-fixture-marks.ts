// Signs the shop marks used by the recorded platform pages (bound to the fixture server) with the sample platform key.
// Run: npx tsx test/e2e/extension/gen-fixture-marks.ts  (deterministic: Ed25519 signatures do not change).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { completeUscc, orgCodeCheckChar } from '../../../core/identifiers';
import { signMark, type MarkPayload } from '../../../core/marks';
import { signTrustList } from '../../../core/trust';

const ROOT = resolve(import.meta.dirname, '../../..');
const samples = JSON.parse(readFileSync(resolve(ROOT, 'samples/index.json'), 'utf8'));
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** A sample shop's genuine mark, re-bound to a fixture path, signed again with its issuer's sample key. */
async function markFor(slug: string, path: string): Promise<string> {
  const shop = [...samples.shops, ...samples.revocable].find((s: { slug: string }) => s.slug === slug);
  const token = readFileSync(resolve(ROOT, 'samples', shop.mark), 'utf8').trim();
  const { kid } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string };
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as MarkPayload;
  const own = JSON.parse(readFileSync(resolve(ROOT, `samples/keys/${kid}.private.jwk.json`), 'utf8'));
  return signMark({ ...payload, bind: { origin: ORIGIN, path } }, own);
}

/**
 * The page-supplied root attack (attack-root.html): a root, trust list and "platform" made by the page itself (with
 * the sample rogue key, trusted by nobody), and a mark for a made-up company that the page's own widget accepts.
 */
async function rogueKit(): Promise<{ mark: string; trust: string; root: string }> {
  const rogue = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/rogue-2026.private.jwk.json'), 'utf8'));
  const { d: _d, ...rootPublic } = rogue;
  const key = { ...rootPublic, from: '2026-01-01T00:00:00+08:00', until: '2037-01-01T00:00:00+08:00' };
  const trust = await signTrustList({
    format: 'xinbiao-trust/1', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00',
    issuers: [{ id: 'page-platform', name: '可信平台（页面自称）', kind: 'both', origins: ['http://127.0.0.1:*'], keys: [key], revoked: [] }],
  }, rogue);
  const org = 'MA5X0A00';
  const uscc = completeUscc(`91990000${org}${orgCodeCheckChar(org)}`);
  const youpin = samples.shops.find((s: { slug: string }) => s.slug === 'youpin');
  const base = JSON.parse(Buffer.from(readFileSync(resolve(ROOT, 'samples', youpin.mark), 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8')) as MarkPayload;
  const name = '深圳示例虚构科技有限公司';
  const mark = await signMark({
    ...base, iss: 'page-platform', sub: { uscc, name, kind: 'company' }, shop: { name: '示例虚构旗舰店' },
    licence: base.licence ? { ...base.licence, uscc, name } : undefined, bind: { origin: ORIGIN, path: '/sites/jd/' },
  } as MarkPayload, rogue);
  return { mark, trust, root: JSON.stringify(rootPublic, null, 2) };
}

const rogue = await rogueKit();
writeFileSync(resolve(ROOT, 'test/fixtures/sites/jd/attack-root.trust.jws'), `${rogue.trust}\n`);
writeFileSync(resolve(ROOT, 'test/fixtures/sites/jd/attack-root.root.jwk.json'), `${rogue.root}\n`);

const out: Record<string, string> = {
  youpin: await markFor('youpin', '/sites/tmall/'),
  shixin: await markFor('shixin', '/sites/jd/black-listed'.replace(/[^/]*$/, '')),
  rogue: rogue.mark,
  // 示例优选's marks with a status index (status-mark.html): its list is served by the demo on port 8080.
  zaixian: await markFor('zaixian', '/sites/jd/'),
  chehui: await markFor('chehui', '/sites/jd/'),
};
writeFileSync(resolve(ROOT, 'test/fixtures/sites/marks.json'), `${JSON.stringify(out, null, 2)}\n`);
console.error('wrote test/fixtures/sites/marks.json');
