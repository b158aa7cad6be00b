// Signs the shop marks used by the recorded platform pages (bound to the fixture server) with the sample platform key.
// Run: npx tsx test/e2e/extension/gen-fixture-marks.ts  (deterministic: Ed25519 signatures do not change).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signMark, type MarkPayload } from '../../../core/marks';

const ROOT = resolve(import.meta.dirname, '../../..');
const samples = JSON.parse(readFileSync(resolve(ROOT, 'samples/index.json'), 'utf8'));
const key = JSON.parse(readFileSync(resolve(ROOT, 'samples/keys/demo-platform-2026.private.jwk.json'), 'utf8'));
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** A sample shop's genuine mark, re-bound to a fixture path. */
async function markFor(slug: string, path: string): Promise<string> {
  const shop = samples.shops.find((s: { slug: string }) => s.slug === slug);
  const token = readFileSync(resolve(ROOT, 'samples', shop.mark), 'utf8').trim();
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as MarkPayload;
  return signMark({ ...payload, bind: { origin: ORIGIN, path } }, key);
}

const out: Record<string, string> = {
  youpin: await markFor('youpin', '/sites/tmall/'),
  shixin: await markFor('shixin', '/sites/jd/black-listed'.replace(/[^/]*$/, '')),
};
writeFileSync(resolve(ROOT, 'test/fixtures/sites/marks.json'), `${JSON.stringify(out, null, 2)}\n`);
console.error('wrote test/fixtures/sites/marks.json');
