import { withoutWeakNames } from '../../../extension/runtime/findings';

describe('withoutWeakNames', () => {
  const code = { uscc: '91330106MA2H7Q0139', name: '杭州示例优品商贸有限公司', confidence: 0.8 };
  it('drops a name found with less confidence than a checked code (Tmall note prose)', () => {
    expect(withoutWeakNames([code, { name: '通过认证之外', confidence: 0.5 }])).toEqual([code]);
  });
  it('keeps names when no code was found, and names as sure as the code', () => {
    const weak = { name: '某某店', confidence: 0.5 };
    expect(withoutWeakNames([weak])).toEqual([weak]);
    const sure = { name: '另一家公司', confidence: 0.8 };
    expect(withoutWeakNames([code, sure])).toEqual([code, sure]);
  });
});
