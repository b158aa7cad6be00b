import { normaliseName, sameName } from '../../../../core/lists/normalise-name';

describe('normaliseName', () => {
  it.each([
    ['杭州某某（电子）商务有限公司', '杭州某某(电子)商务有限公司'],
    ['杭州某某「电子」商务 有限公司', '杭州某某(电子)商务有限公司'],
    ['ＡＢＣ　Trading Co.', 'abctradingco'],
    ['  abc  TRADING co ', 'abctradingco'],
  ])('%s → same key as %s', (a, b) => expect(normaliseName(a)).toBe(normaliseName(b)));

  it('keeps different names apart', () => {
    expect(normaliseName('杭州甲公司')).not.toBe(normaliseName('杭州乙公司'));
  });
});

describe('sameName', () => {
  it('treats widths, bracket styles and spaces as one name, and different names as different', () => {
    expect(sameName('杭州示例（电子）商务有限公司', '杭州示例(电子)商务 有限公司')).toBe(true);
    expect(sameName('ＡＢＣ示例有限公司', 'abc示例有限公司')).toBe(true);
    expect(sameName('杭州示例商务有限公司', '杭州示例商贸有限公司')).toBe(false);
  });
});
