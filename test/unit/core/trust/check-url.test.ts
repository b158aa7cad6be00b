import { issuerCheckUrl } from '../../../../core/trust/check-url';
import type { TrustList } from '../../../../core/trust';

const trust = (check?: string): TrustList => ({
  format: 'xinbiao-trust/1', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2030-01-01T00:00:00Z',
  issuers: [{ id: 'mall', name: '示例商城', kind: 'platform', origins: ['https://mall.example.cn'], keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k', from: '2026-01-01T00:00:00Z', until: '2030-01-01T00:00:00Z' }], revoked: [], ...(check ? { check } : {}) }],
});

describe('issuerCheckUrl: the issuer\'s own check page for a mark', () => {
  it('fills in the mark subject\'s code', () => {
    expect(issuerCheckUrl(trust('https://mall.example.cn/verify?uscc={uscc}'), 'mall', '91990000MA2H7Q013E')).toBe('https://mall.example.cn/verify?uscc=91990000MA2H7Q013E');
  });

  it('encodes whatever the code holds, and leaves it empty for a seller without one', () => {
    expect(issuerCheckUrl(trust('https://mall.example.cn/check/{uscc}'), 'mall', 'a/b?c#d')).toBe('https://mall.example.cn/check/a%2Fb%3Fc%23d');
    expect(issuerCheckUrl(trust('https://mall.example.cn/check/{uscc}'), 'mall')).toBe('https://mall.example.cn/check/');
  });

  it('nothing for an unknown issuer, an issuer without a check page, or no trust list', () => {
    expect(issuerCheckUrl(trust('https://mall.example.cn/check/{uscc}'), 'other', '1')).toBeUndefined();
    expect(issuerCheckUrl(trust(), 'mall', '1')).toBeUndefined();
    expect(issuerCheckUrl(undefined, 'mall', '1')).toBeUndefined();
  });
});
