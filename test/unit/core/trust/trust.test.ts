import { base64urlFromText } from '../../../../core/crypto/base64url';
import { generateKeyPair } from '../../../../core/crypto/ed25519';
import { findKey, listKeys, originAllowed, signCompactJws, signTrustList, verifyTrustList } from '../../../../core/trust';
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
    expect(!r.ok && r.detail).toMatch(/issuers\.0\.kind/);
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
  const mark = { role: 'platform' } as const;
  const list = { role: 'list-publisher', publisher: 'credit-office' } as const;

  it('finds a key with its issuer for the role it is needed for', () => {
    const r = findKey(f.trust, 'office-2026', NOW, list);
    expect('key' in r && !('error' in r) && r.issuer.id).toBe('credit-office');
    const p = findKey(f.trust, 'shop-2026', new Date(NOW), mark);
    expect('error' in p).toBe(false);
  });

  it('names unknown, revoked, not-yet-valid and expired keys', () => {
    expect(findKey(f.trust, 'nope', NOW, mark)).toEqual({ error: 'unknown-key' });
    expect(findKey(f.trust, 'shop-2024', NOW, mark)).toMatchObject({ error: 'revoked' });
    expect('error' in findKey(f.trust, 'shop-2024', '2026-05-31T23:59:59Z', mark)).toBe(false);
    expect(findKey(f.trust, 'shop-2024', '2026-06-01T00:00:00Z', mark)).toMatchObject({ error: 'revoked' });
    expect(findKey(f.trust, 'shop-2030', NOW, mark)).toMatchObject({ error: 'not-yet-valid' });
    expect(findKey(f.trust, 'shop-2020', NOW, mark)).toMatchObject({ error: 'expired' });
    expect(findKey(f.trust, 'shop-2026', Number.NaN, mark)).toMatchObject({ error: 'not-yet-valid' });
  });

  it('refuses a key outside its role: a platform key for a list, a list key for a mark', () => {
    expect(findKey(f.trust, 'shop-2026', NOW, { role: 'list-publisher', publisher: 'shop-platform' })).toMatchObject({ error: 'wrong-role', issuer: { id: 'shop-platform' } });
    expect(findKey(f.trust, 'office-2026', NOW, mark)).toMatchObject({ error: 'wrong-role', issuer: { id: 'credit-office' } });
  });

  it('refuses a list key whose issuer is not the publisher the header names', () => {
    expect(findKey(f.trust, 'office-2026', NOW, { role: 'list-publisher', publisher: 'another-office' })).toMatchObject({ error: 'publisher-mismatch' });
  });

  it('accepts an issuer of kind both for either role', () => {
    const both = structuredClone(f.trust);
    both.issuers[1]!.kind = 'both';
    expect('error' in findKey(both, 'office-2026', NOW, mark)).toBe(false);
    expect('error' in findKey(both, 'office-2026', NOW, list)).toBe(false);
  });

  it('treats a kid claimed by two issuers as unknown', () => {
    const dup = structuredClone(f.trust);
    dup.issuers[1]!.keys.push({ ...dup.issuers[0]!.keys[0]! });
    expect(findKey(dup, 'shop-2026', NOW, mark)).toEqual({ error: 'unknown-key' });
  });
});

describe('listKeys', () => {
  it('answers the list importer with named errors and a message naming the issuer', async () => {
    const keys = listKeys(f.trust, () => NOW);
    expect(await keys('office-2026', 'credit-office')).toHaveProperty('key');
    expect(await keys('shop-2026', 'credit-office')).toMatchObject({ error: { code: 'wrong-role', message: expect.stringContaining('shop-platform, platform') } });
    expect(await keys('office-2026', 'shop-platform')).toMatchObject({ error: { code: 'publisher-mismatch' } });
    expect(await keys('nope', 'credit-office')).toMatchObject({ error: { code: 'unknown-key' } });
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
