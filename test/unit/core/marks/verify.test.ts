import { base64urlDecode, base64urlEncode, base64urlFromText } from '../../../../core/crypto/base64url';
import { decodeMark, signMark, verifyMark, type MarkCheck } from '../../../../core/marks';
import { signCompactJws } from '../../../../core/trust';
import { fixture, NOW, payload, sec } from './support';

const f = await fixture();
const PAGE = 'https://mall.example.cn/shop/12/';
const verify = (token: unknown, pageUrl = PAGE, now = NOW) => verifyMark(token, { trust: f.trust, pageUrl, now });
const good = await signMark(payload(), f.platform.privateJwk);

describe('verifyMark outcomes', () => {
  it('genuine: a valid mark on its own page, with issuer and payload', async () => {
    const r = await verify(good);
    expect(r.outcome).toBe('genuine');
    expect(r.issuer).toEqual({ id: 'shop-platform', name: '示例商城' });
    expect(r.payload?.sub.uscc).toBe('91330106673959654P');
    expect(r.reason.zh).toMatch(/示例商城/);
    expect(r.reason.en).toMatch(/Genuine/);
  });

  it('genuine on deeper pages of the shop and on the prefix without its final slash', async () => {
    for (const url of ['https://mall.example.cn/shop/12/item/9?x=1#top', 'https://mall.example.cn/shop/12', 'https://mall.example.cn/shop/%31%32/'])
      expect((await verify(good, url)).outcome, url).toBe('genuine');
  });

  it('copied: another origin, scheme, port, or a path outside the prefix', async () => {
    const urls = [
      'https://evil.example.cn/shop/12/', 'http://mall.example.cn/shop/12/', 'https://mall.example.cn:8443/shop/12/',
      'https://mall.example.cn/shop/123/', 'https://mall.example.cn/shop/123', 'https://mall.example.cn/shop/1',
      'https://mall.example.cn/shop/12/../13/', 'https://mall.example.cn/shop/12/%2e%2e/13/', 'https://mall.example.cn/shop/12%2F..%2F13/',
      'https://mall.example.cn/SHOP/12/', 'https://mall.example.cn.evil.cn/shop/12/', 'https://mall.example.cn@evil.cn/shop/12/',
    ];
    for (const url of urls) {
      const r = await verify(good, url);
      expect(r.outcome, url).toBe('copied');
      expect(r.reason.en).toContain('https://mall.example.cn/shop/12/');
    }
  });

  it('copied when the page URL cannot be parsed', async () => {
    expect((await verify(good, 'not a url')).outcome).toBe('copied');
  });

  it('tampered: a changed payload under the original signature', async () => {
    const [h, , s] = good.split('.');
    const forged = base64urlFromText(JSON.stringify(payload({ credit: [{ scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: 'x', date: '2026-04-15' }] })));
    const r = await verify(`${h}.${forged}.${s}`);
    expect(r.outcome).toBe('tampered');
    expect(r.issuer?.id).toBe('shop-platform');
  });

  it('tampered: a flipped signature bit, and the signature of another mark', async () => {
    const [h, p, s] = good.split('.') as [string, string, string];
    const sig = base64urlDecode(s);
    sig[10]! ^= 1;
    expect((await verify(`${h}.${p}.${base64urlEncode(sig)}`)).outcome).toBe('tampered');
    const other = await signMark(payload({ shop: { name: '另一家示例店' } }), f.platform.privateJwk);
    expect((await verify(`${h}.${p}.${other.split('.')[2]}`)).outcome).toBe('tampered');
  });

  it('expired: past exp, with the date in the reason', async () => {
    const r = await verify(good, PAGE, sec('2028-11-01T00:00:01Z') * 1000);
    expect(r.outcome).toBe('expired');
    expect(r.reason.zh).toContain('2028-11-01');
  });

  it('expired: the signing key is past its validity', async () => {
    const t = await signMark(payload({ iat: sec('2020-06-01T00:00:00Z') }), f.lapsed.privateJwk);
    expect(await verify(t)).toMatchObject({ outcome: 'expired', detail: 'key-expired' });
  });

  it('unknown-issuer: key not in the trust list', async () => {
    const { generateKeyPair } = await import('../../../../core/crypto/ed25519');
    const rogue = await generateKeyPair('rogue-1');
    const r = await verify(await signMark(payload(), rogue.privateJwk));
    expect(r).toMatchObject({ outcome: 'unknown-issuer', detail: 'unknown-key' });
    expect(r.issuer).toBeUndefined();
  });

  it("unknown-issuer: a rogue reusing a trusted kid fails the signature as tampered, not genuine", async () => {
    const { generateKeyPair } = await import('../../../../core/crypto/ed25519');
    const rogue = await generateKeyPair('shop-2026');
    expect((await verify(await signMark(payload(), rogue.privateJwk))).outcome).toBe('tampered');
  });

  it('unknown-issuer: iss names another issuer than the key, or a list publisher signs a mark', async () => {
    expect(await verify(await signMark(payload({ iss: 'credit-office' }), f.platform.privateJwk))).toMatchObject({ outcome: 'unknown-issuer', detail: 'issuer-mismatch' });
    expect(await verify(await signMark(payload({ iss: 'credit-office' }), f.office.privateJwk))).toMatchObject({ outcome: 'unknown-issuer', detail: 'wrong-role' });
  });

  it('unknown-issuer (origin-not-allowed): a mark bound to an origin its issuer may not vouch for', async () => {
    const t = await signMark(payload({ bind: { origin: 'https://other-mall.example.cn', path: '/shop/12/' } }), f.platform.privateJwk);
    const r = await verify(t, 'https://other-mall.example.cn/shop/12/');
    expect(r).toMatchObject({ outcome: 'unknown-issuer', detail: 'origin-not-allowed' });
    expect(r.reason.en).toContain('other-mall.example.cn');
  });

  it('origin patterns with :* accept any port, exact ones only the default port', async () => {
    const local = await signMark(payload({ bind: { origin: 'http://127.0.0.1:8080', path: '/shops/a/' } }), f.platform.privateJwk);
    expect((await verify(local, 'http://127.0.0.1:8080/shops/a/')).outcome).toBe('genuine');
    const port = await signMark(payload({ bind: { origin: 'https://mall.example.cn:8443', path: '/shop/12/' } }), f.platform.privateJwk);
    expect((await verify(port, 'https://mall.example.cn:8443/shop/12/')).detail).toBe('origin-not-allowed');
  });

  it('revoked-key: signed with a key revoked before now', async () => {
    const t = await signMark(payload({ iat: sec('2026-05-01T00:00:00Z') }), f.old.privateJwk);
    const r = await verify(t);
    expect(r.outcome).toBe('revoked-key');
    expect(r.reason.en).toContain('shop-2024');
    expect((await verify(t, PAGE, Date.parse('2026-05-31T00:00:00Z'))).outcome).toBe('genuine');
  });

  it('unknown-issuer (key-not-yet-valid) for a key whose period has not begun', async () => {
    expect(await verify(await signMark(payload(), f.future.privateJwk))).toMatchObject({ outcome: 'unknown-issuer', detail: 'key-not-yet-valid' });
  });

  it('malformed: garbage, wrong typ, alg none/HS256, payload that breaks the schema, iat in the future', async () => {
    const [, p, s] = good.split('.');
    const hdr = (o: object) => base64urlFromText(JSON.stringify(o));
    const cases: unknown[] = [
      '', 'a.b', 'a.b.c.d', 42, null, { token: good },
      `${hdr({ alg: 'none', typ: 'xinbiao-mark+jws', kid: 'shop-2026' })}.${p}.`,
      `${hdr({ alg: 'HS256', typ: 'xinbiao-mark+jws', kid: 'shop-2026' })}.${p}.${s}`,
      `${hdr({ alg: 'EdDSA', typ: 'JWT', kid: 'shop-2026' })}.${p}.${s}`,
      await signCompactJws({ ...payload(), iss: 7 }, f.platform.privateJwk, 'xinbiao-mark+jws'),
      await signCompactJws(payload({ bind: { origin: 'https://mall.example.cn', path: '/shop/12' } }), f.platform.privateJwk, 'xinbiao-mark+jws'),
    ];
    for (const c of cases) expect((await verify(c)).outcome, String(c)).toBe('malformed');
    const future = await signMark(payload({ iat: sec('2027-01-01T00:00:00Z') }), f.platform.privateJwk);
    expect(await verify(future)).toMatchObject({ outcome: 'malformed', detail: 'not-yet-valid' });
  });

  it('copied outranks expired: an old mark on a foreign page is reported as copied', async () => {
    expect((await verify(good, 'https://evil.example.cn/shop/12/', sec('2029-01-01T00:00:00Z') * 1000)).outcome).toBe('copied');
  });

  it('types: outcome is the agreed union', () => {
    expectTypeOf<MarkCheck['outcome']>().toEqualTypeOf<'genuine' | 'copied' | 'tampered' | 'expired' | 'unknown-issuer' | 'revoked-key' | 'malformed' | 'revoked' | 'status-unknown'>();
  });
});

describe('signMark', () => {
  it('refuses a mark longer than every verifier accepts (64 KiB), whatever the payload holds', async () => {
    // A 40,000-segment path passes the schema; its token (about 107,000 characters) would be malformed everywhere.
    const long = payload({ bind: { origin: 'https://mall.example.cn', path: `/${'a/'.repeat(40_000)}` } });
    await expect(signMark(long, f.platform.privateJwk)).rejects.toThrow(/^mark payload: 签发的标识长 \d+ 个字符，超过验证方接受的 65536 \/ the mark would be \d+ characters long, verifiers accept at most 65536$/);
  });
});

describe('decodeMark (display only, no verification)', () => {
  it('decodes header and payload of a valid token', () => {
    const d = decodeMark(good);
    expect(d.ok && d.header).toEqual({ alg: 'EdDSA', typ: 'xinbiao-mark+jws', kid: 'shop-2026' });
    expect(d.ok && d.payload.shop?.name).toBe('示例旗舰店');
  });

  it('decodes a tampered token too (it does not verify) and names problems of broken ones', () => {
    expect(decodeMark(good.slice(0, -2) + 'AA').ok).toBe(true);
    expect(decodeMark('x.y.z')).toEqual({ ok: false, problem: 'header is not base64url JSON' });
  });

  it('duplicate member names: the last one wins, in decode and verify alike', async () => {
    const p = payload();
    const json = JSON.stringify(p).replace('"iss":"shop-platform"', '"iss":"credit-office","iss":"shop-platform"');
    const token = await signRaw(json);
    expect(decodeMark(token).ok && (decodeMark(token) as { payload: { iss: string } }).payload.iss).toBe('shop-platform');
    expect((await verify(token)).outcome).toBe('genuine');
    const other = await signRaw(JSON.stringify(p).replace('"iss":"shop-platform"', '"iss":"shop-platform","iss":"credit-office"'));
    expect((await verify(other)).outcome).toBe('unknown-issuer');
  });
});

async function signRaw(payloadJson: string): Promise<string> {
  const { signBytes } = await import('../../../../core/crypto/ed25519');
  const input = `${base64urlFromText(JSON.stringify({ alg: 'EdDSA', typ: 'xinbiao-mark+jws', kid: 'shop-2026' }))}.${base64urlFromText(payloadJson)}`;
  return `${input}.${base64urlEncode(await signBytes(f.platform.privateJwk, new TextEncoder().encode(input)))}`;
}
