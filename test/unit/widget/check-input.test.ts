import { checkInput } from '../../../widget/query/check-input';
import { maskName } from '../../../widget/ui/mask';
import { samrCheckUrl } from '../../../widget/ui/links';
import { pickSites } from '../../../widget/ui/sites';
import { completeUscc } from '../../../core/identifiers';

const good = completeUscc('91990000MA2H7Q013');

describe('query window input check', () => {
  it('accepts a valid code, normalised', () => {
    expect(checkInput(good.toLowerCase(), 'zh')).toEqual({ state: 'ok', message: '代码校验通过', uscc: good, keyword: good });
    expect(checkInput(good, 'en').message).toBe('Code is valid');
  });
  it('gives the reason in the page language', () => {
    expect(checkInput('94330106673959654P', 'zh').message).toBe('代码有误：登记管理部门 9 下没有机构类别“4”');
    expect(checkInput('94330106673959654P', 'en').message).toBe('Invalid code: category 4 does not exist for department 9');
    expect(checkInput('9133010667395965412', 'zh').message).toBe('代码有误：长度为 19 位，统一社会信用代码为 18 位');
  });
  it('gives the reason for a wrong check character', () => {
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = checkInput(wrong, 'en');
    expect(r.state).toBe('bad');
    expect(r.message).toMatch(/check character/);
    expect(r.uscc).toBeUndefined();
  });
  it('counts a partial code, treats Chinese text as a name, and says what to type when empty', () => {
    expect(checkInput('9133', 'zh')).toMatchObject({ state: 'partial', message: '已输入 4/18 位' });
    expect(checkInput('杭州示例优品', 'zh')).toMatchObject({ state: 'name', keyword: '杭州示例优品' });
    expect(checkInput('  ', 'en').state).toBe('empty');
    expect(checkInput('91990000MA2H7Q01OX', 'en').state).toBe('bad');
  });
});

describe('masking and links', () => {
  it('masks natural persons and leaves masked names alone', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王*明')).toBe('王*明');
  });
  it('builds the 信用中国 search with the keyword encoded and offers only SAMR check links', () => {
    expect(pickSites()[0]!.url('示例 公司')).toMatch(/searchState=2&entityType=1,2,4,5,6,7,8&keyword=%E7%A4%BA%E4%BE%8B%20/);
    expect(samrCheckUrl(['https://evil.example/x', 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?x=1'])).toBe('https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?x=1');
    expect(samrCheckUrl(['https://zzlz.gsxt.gov.cn.evil.example/'])).toBeUndefined();
  });
});
