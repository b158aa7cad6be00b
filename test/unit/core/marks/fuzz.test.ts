import fc from 'fast-check';
import { base64urlEncode, base64urlFromText } from '../../../../core/crypto/base64url';
import { signCompactJws } from '../../../../core/trust';
import { MarkPayload, signMark, verifyMark, type MarkOutcome } from '../../../../core/marks';
import { fixture, NOW, payload } from './support';

const f = await fixture();
const PAGE = 'https://mall.example.cn/shop/12/';
const OUTCOMES: MarkOutcome[] = ['genuine', 'copied', 'tampered', 'expired', 'unknown-issuer', 'revoked-key', 'malformed'];
const verify = (token: unknown) => verifyMark(token, { trust: f.trust, pageUrl: PAGE, now: NOW });
const good = await signMark(payload(), f.platform.privateJwk);
const [H, P, S] = good.split('.') as [string, string, string];
const named = (r: { outcome: string; reason: { zh: string; en: string } }) =>
  OUTCOMES.includes(r.outcome as MarkOutcome) && r.reason.zh.length > 0 && r.reason.en.length > 0;

describe('mark verifier under hostile input', () => {
  it('random strings and random bytes: never throws, malformed every time', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array().map(base64urlEncode)), async (s) => {
      const r = await verify(s);
      expect(r.outcome).toBe('malformed');
    }), { numRuns: 300 });
  });

  it('random values of any type: a named outcome, no throw', async () => {
    await fc.assert(fc.asyncProperty(fc.anything(), async (v) => {
      expect(named(await verify(v))).toBe(true);
    }), { numRuns: 200 });
  });

  it('every truncation of a valid token is malformed or tampered, never genuine', async () => {
    for (let n = 0; n < good.length; n += 7) {
      const r = await verify(good.slice(0, n));
      expect(['malformed', 'tampered'], String(n)).toContain(r.outcome);
    }
  });

  it('huge tokens are refused before parsing', async () => {
    const huge = `${H}.${'A'.repeat(5_000_000)}.${S}`;
    const t0 = performance.now();
    expect((await verify(huge)).outcome).toBe('malformed');
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('random single-character edits of a valid token are never genuine', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    await fc.assert(fc.asyncProperty(fc.nat(good.length - 1), fc.constantFrom(...alphabet), async (i, ch) => {
      fc.pre(good[i] !== ch);
      const r = await verify(good.slice(0, i) + ch + good.slice(i + 1));
      expect(r.outcome).not.toBe('genuine');
      expect(named(r)).toBe(true);
    }), { numRuns: 300 });
  });

  it('payloads with wrong types, signed by the trusted key: malformed', async () => {
    const base = payload() as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...keys), fc.anything(), async (k, v) => {
      const changed = { ...base, [k]: v };
      const r = await verify(await signCompactJws(changed, f.platform.privateJwk, 'xinbiao-mark+jws'));
      expect(named(r)).toBe(true);
      if (!MarkPayload.safeParse(JSON.parse(JSON.stringify(changed))).success) expect(r.outcome).toBe('malformed');
    }), { numRuns: 150 });
  });

  it('alg none, HS256 and other algs are malformed, whatever the signature', async () => {
    for (const alg of ['none', 'HS256', 'RS256', 'ES256', 'eddsa', 'Ed25519', undefined]) {
      const h = base64urlFromText(JSON.stringify({ alg, typ: 'xinbiao-mark+jws', kid: 'shop-2026' }));
      for (const sig of ['', S]) expect((await verify(`${h}.${P}.${sig}`)).outcome, `${alg}/${sig.length}`).toBe('malformed');
    }
  });

  it('non-canonical base64url (padding, standard alphabet, non-zero trailing bits) is malformed', async () => {
    expect((await verify(`${H}=.${P}.${S}`)).outcome).toBe('malformed');
    // A signature with no '-' or '_' reads the same in both alphabets: then a '+' stands in for its first character.
    const standard = /[-_]/.test(S) ? S.replace(/-/g, '+').replace(/_/g, '/') : `+${S.slice(1)}`;
    expect((await verify(`${H}.${P}.${standard}`)).outcome).toMatch(/malformed|tampered/);
    const last = S[S.length - 1]!;
    const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) ^ 1)]!;
    expect((await verify(`${H}.${P}.${S.slice(0, -1)}${sibling}`)).outcome).toMatch(/malformed|tampered/);
    expect((await verify(`${H}.${P}.${S.slice(0, -1)}${sibling}`)).outcome).not.toBe('genuine');
  });

  it('the signature of another valid mark never makes a genuine one', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), async (name) => {
      fc.pre(name !== '示例旗舰店');
      const other = await signMark(payload({ shop: { name } }), f.platform.privateJwk);
      expect((await verify(`${H}.${P}.${other.split('.')[2]}`)).outcome).toBe('tampered');
    }), { numRuns: 40 });
  });

  it('header with wrong types (kid number, typ array, JSON array, crit) is malformed', async () => {
    const headers = [{ alg: 'EdDSA', typ: 'xinbiao-mark+jws', kid: 1 }, { alg: 'EdDSA', typ: ['xinbiao-mark+jws'], kid: 'shop-2026' }, ['EdDSA'], 'EdDSA', null,
      { alg: 'EdDSA', typ: 'xinbiao-mark+jws', kid: 'shop-2026', crit: ['exp'] }];
    for (const h of headers) expect((await verify(`${base64urlFromText(JSON.stringify(h))}.${P}.${S}`)).outcome, JSON.stringify(h)).toBe('malformed');
  });
});
