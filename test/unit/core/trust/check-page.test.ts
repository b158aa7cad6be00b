import { Issuer } from '../../../../core/trust/schema';
import { Issuer as LiteIssuer } from '../../../../core/validate/generated/trust';

// An issuer's own check page (trust list `check`, docs/trust-list.md): https on a plain host, nothing else.
const issuer = (check?: string) => ({
  id: 'mall', name: '示例商城', kind: 'platform', origins: ['https://mall.example.cn'], revoked: [],
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'IGcMkHiLYLMY1_rp6SRGD9hk3Kgfc3TIvqWeo6341ig', kid: 'mall-2027', from: '2027-01-01T00:00:00+08:00', until: '2028-01-01T00:00:00+08:00' }],
  ...(check === undefined ? {} : { check }),
});

describe('trust list: issuer check page', () => {
  it.each([
    [undefined, true],
    ['https://mall.example.cn/xinbiao/check?uscc={uscc}', true],
    ['https://mall.example.cn:8443/check/{uscc}', true],
    ['http://mall.example.cn/check', false],
    ['javascript:alert(1)', false],
    ['https://mall.example.cn', false],
    ['https://mall.example.cn/check"onmouseover=x', false],
    ['https://user@mall.example.cn/check', false],
  ])('%s → accepted %s, by zod and by the widget\'s validator alike', (check, ok) => {
    expect(Issuer.safeParse(issuer(check)).success).toBe(ok);
    expect(LiteIssuer.safeParse(issuer(check)).success).toBe(ok);
  });
});
