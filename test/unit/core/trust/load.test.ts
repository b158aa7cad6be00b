import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTrustList } from '../../../../core/trust';

const DIR = join(import.meta.dirname, '../../../../samples');
const NOW = Date.parse('2026-11-21T08:00:00Z');
const files = (path: string) => readFile(join(DIR, path), 'utf8');
const TRUST = 'trust/trust.jws';

describe('loadTrustList (the one trust loader)', () => {
  it('loads the sample trust list verified against the demo root through the readText port', async () => {
    const r = await loadTrustList(files, { trust: TRUST, root: 'keys/demo-root-2026.public.jwk.json' }, NOW);
    expect(r.ok && r.trust.issuers.map((i) => i.id)).toEqual(['demo-platform', 'demo-credit-office', 'demo-select', 'demo-adapters']);
  });

  it('refuses the list against another root key: the root check cannot be skipped', async () => {
    const r = await loadTrustList(files, { trust: TRUST, root: 'keys/rogue-2026.public.jwk.json' }, NOW);
    expect(r).toMatchObject({ ok: false, error: 'wrong-root' });
    const noKid = async (p: string) => (p === 'root' ? JSON.stringify({ ...JSON.parse(await files('keys/rogue-2026.public.jwk.json')), kid: undefined }) : files(p));
    expect(await loadTrustList(noKid, { trust: TRUST, root: 'root' }, NOW)).toMatchObject({ ok: false, error: 'bad-signature' });
  });

  it('names a root that is not an Ed25519 public JWK, and a reference it cannot read', async () => {
    const text = async (p: string) => (p === 'root' ? '{"kty":"RSA","n":"x","e":"AQAB"}' : files(p));
    expect(await loadTrustList(text, { trust: TRUST, root: 'root' }, NOW)).toMatchObject({ ok: false, error: 'bad-root' });
    expect(await loadTrustList(async (p) => (p === 'root' ? 'not json' : files(p)), { trust: TRUST, root: 'root' }, NOW)).toMatchObject({ ok: false, error: 'unreadable' });
    expect(await loadTrustList(files, { trust: 'trust/missing.jws', root: 'keys/demo-root-2026.public.jwk.json' }, NOW)).toMatchObject({ ok: false, error: 'unreadable' });
  });

  it('refuses an expired trust list', async () => {
    const r = await loadTrustList(files, { trust: TRUST, root: 'keys/demo-root-2026.public.jwk.json' }, Date.parse('2040-01-01T00:00:00Z'));
    expect(r).toMatchObject({ ok: false, error: 'expired' });
  });
});
