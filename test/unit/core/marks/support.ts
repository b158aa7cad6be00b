import { generateKeyPair, type PrivateJwk, type PublicJwk } from '../../../../core/crypto/ed25519';
import type { MarkPayload } from '../../../../core/marks';
import type { TrustList } from '../../../../core/trust';

export const NOW = Date.parse('2026-11-21T12:00:00+08:00');
export const sec = (iso: string) => Date.parse(iso) / 1000;

export interface Keys { publicJwk: PublicJwk; privateJwk: PrivateJwk }

/** A platform with a current key, a revoked key, and a list publisher, in one trust list. */
export async function fixture() {
  const platform = await generateKeyPair('shop-2026');
  const old = await generateKeyPair('shop-2024');
  const office = await generateKeyPair('office-2026');
  const future = await generateKeyPair('shop-2030');
  const lapsed = await generateKeyPair('shop-2020');
  const k = (key: Keys, from: string, until: string) => ({ ...key.publicJwk, kid: key.publicJwk.kid!, from, until });
  const trust: TrustList = {
    format: 'xinbiao-trust/1', version: 3, issued: '2026-01-01T00:00:00Z', expires: '2030-01-01T00:00:00Z',
    issuers: [
      {
        id: 'shop-platform', name: '示例商城', kind: 'platform', origins: ['https://mall.example.cn', 'http://127.0.0.1:*'],
        keys: [k(platform, '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z'), k(old, '2024-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
          k(future, '2030-01-01T00:00:00Z', '2032-01-01T00:00:00Z'), k(lapsed, '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z')],
        revoked: [{ kid: 'shop-2024', at: '2026-06-01T00:00:00Z' }],
      },
      { id: 'credit-office', name: '示例信用办', kind: 'list-publisher', origins: [], keys: [k(office, '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z')], revoked: [] },
    ],
  };
  return { platform, old, office, future, lapsed, trust };
}

export function payload(over: Partial<MarkPayload> = {}): MarkPayload {
  return {
    iss: 'shop-platform', iat: sec('2026-11-01T00:00:00Z'), exp: sec('2028-11-01T00:00:00Z'),
    sub: { uscc: '91330106673959654P', name: '杭州示例商贸有限公司', kind: 'company' },
    shop: { name: '示例旗舰店' },
    licence: { uscc: '91330106673959654P', name: '杭州示例商贸有限公司', status: '存续' },
    identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20' },
    credit: [{ scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '示例市税务局', date: '2026-04-15' }],
    bind: { origin: 'https://mall.example.cn', path: '/shop/12/' },
    ...over,
  };
}
