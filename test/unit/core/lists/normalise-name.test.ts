import { normaliseName } from '../../../../core/lists/normalise-name';

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
