import { base64urlFromText } from '../../../../core/crypto/base64url';
import { generateKeyPair } from '../../../../core/crypto/ed25519';
import { findKey, originAllowed, signCompactJws, signTrustList, verifyTrustList } from '../../../../core/trust';
import { fixture } from '../marks/support';

const f = await fixture();
const root = await generateKeyPair('root-1');
const signed = await signTrustList(f.trust, root.privateJwk);
const NOW = Date.parse('2026-11-21T00:00:00Z');

describe('verifyTrustList', () => {
  it('returns the issuers of a list signed by the root key', async () => {
    const r = await verifyTrustList(signed, root.publicJwk, NOW);
    expect(r.ok).toBe(true);
    expect(r.ok && r.trust.issuers.map((i) => i.id)).toEqual(['shop-platform', 'credit-office']);
    expect(r.ok && r.rootKid).toBe('root-1');
  });

  it('names each failure', async () => {
    const other = await generateKeyPair('root-2');
    expect(await verifyTrustList(signed, other.publicJwk, NOW)).toMatchObject({ ok: false, error: 'wrong-root' });
    expect(await verifyTrustList(signed, { ...other.publicJwk, kid: 'root-1' }, NOW)).toMatchObject({ ok: false, error: 'bad-signature' });
    expect(await verifyTrustList('nonsense', root.publicJwk, NOW)).toMatchObject({ ok: false, error: 'malformed' });
    expect(await verifyTrustList(signed, root.publicJwk, Date.parse('2030-01-01T00:00:00Z'))).toMatchObject({ ok: false, error: 'expired' });
    expect(await verifyTrustList(signed, root.publicJwk, Date.parse('2025-12-31T00:00:00Z'))).toMatchObject({ ok: false, error: 'not-yet-valid' });
    const [h, , s] = signed.split('.');
    const swapped = `${h}.${base64urlFromText(JSON.stringify({ ...f.trust, version: 99 }))}.${s}`;
    expect(await verifyTrustList(swapped, root.publicJwk, NOW)).toMatchObject({ ok: false, error: 'bad-signature' });
  });

  it('refuses a signed payload that breaks the schema, naming the field', async () => {
    const bad = await signCompactJws({ ...f.trust, issuers: [{ ...f.trust.issuers[0], kind: 'bank' }] }, root.privateJwk, 'xinbiao-trust+jws');
    const r = await verifyTrustList(bad, root.publicJwk, NOW);
    expect(r).toMatchObject({ ok: false, error: 'malformed' });
    expect(!r.ok && r.message).toMatch(/issuers\.0\.kind/);
  });

  it('refuses a shop mark offered as a trust list (typ differs)', async () => {
    const mark = await signCompactJws(f.trust, root.privateJwk, 'xinbiao-mark+jws');
    expect(await verifyTrustList(mark, root.publicJwk, NOW)).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('signTrustList refuses an invalid list', async () => {
    await expect(signTrustList({ ...f.trust, version: 0 }, root.privateJwk)).rejects.toThrow(/version/);
  });
});

describe('findKey', () => {
  it('finds a key with its issuer, for marks and list publishers alike', () => {
    const r = findKey(f.trust, 'office-2026', NOW);
    expect('key' in r && !('error' in r) && r.issuer.id).toBe('credit-office');
    const p = findKey(f.trust, 'shop-2026', new Date(NOW));
    expect('error' in p).toBe(false);
  });

  it('names unknown, revoked, not-yet-valid and expired keys', () => {
    expect(findKey(f.trust, 'nope', NOW)).toEqual({ error: 'unknown-key' });
    expect(findKey(f.trust, 'shop-2024', NOW)).toMatchObject({ error: 'revoked' });
    expect('error' in findKey(f.trust, 'shop-2024', '2026-05-31T23:59:59Z')).toBe(false);
    expect(findKey(f.trust, 'shop-2024', '2026-06-01T00:00:00Z')).toMatchObject({ error: 'revoked' });
    expect(findKey(f.trust, 'shop-2030', NOW)).toMatchObject({ error: 'not-yet-valid' });
    expect(findKey(f.trust, 'shop-2020', NOW)).toMatchObject({ error: 'expired' });
    expect(findKey(f.trust, 'shop-2026', Number.NaN)).toMatchObject({ error: 'not-yet-valid' });
  });

  it('treats a kid claimed by two issuers as unknown', () => {
    const dup = structuredClone(f.trust);
    dup.issuers[1]!.keys.push({ ...dup.issuers[0]!.keys[0]! });
    expect(findKey(dup, 'shop-2026', NOW)).toEqual({ error: 'unknown-key' });
  });
});

describe('originAllowed', () => {
  const table: [string, string[], boolean][] = [
    ['http://127.0.0.1:8080', ['http://127.0.0.1:*'], true],
    ['http://127.0.0.1', ['http://127.0.0.1:*'], true],
    ['http://127.0.0.1.evil.cn:80', ['http://127.0.0.1:*'], false],
    ['https://127.0.0.1:8080', ['http://127.0.0.1:*'], false],
    ['https://mall.example.cn', ['https://mall.example.cn'], true],
    ['https://mall.example.cn:8443', ['https://mall.example.cn'], false],
    ['https://a.mall.example.cn', ['https://mall.example.cn'], false],
    ['http://localhost:5173', ['http://127.0.0.1:*', 'http://localhost:*'], true],
    ['http://localhost:', ['http://localhost:*'], false],
  ];
  it.each(table)('%s in %j → %s', (origin, patterns, expected) => {
    expect(originAllowed(origin, patterns)).toBe(expected);
  });
});
