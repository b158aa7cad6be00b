// @vitest-environment happy-dom
import { SITES } from '../../../extension/sites';
import { mayHoldShop } from '../../../extension/runtime/may-hold-shop';
import { shopProbe } from '../../../extension/runtime/shop-probe';

const probe = shopProbe(SITES);
const doc = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

describe('mayHoldShop: the first part’s cheap look', () => {
  it.each([
    ['an adapter’s shop name', '<div class="jShopHeaderArea"><a class="shop-name">示例店</a></div>'],
    ['a XinBiao mark', '<xinbiao-mark token="x"></xinbiao-mark>'],
    ['a SAMR 亮照 link', '<a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=1">亮照</a>'],
    ['labelled licence text', '<p>企业名称：杭州示例优品商贸有限公司</p>'],
    ['a bare code', '<p>91990000MA2H7Q013E</p>'],
    ['a JSON-LD organisation', '<script type="application/ld+json">{"@type":"Organization","name":"杭州示例优品商贸有限公司","taxID":"91990000MA2H7Q013E"}</script><p>今日推荐</p>'],
    ['a labelled title attribute', '<span title="企业名称：杭州示例优品商贸有限公司">店铺资质</span>'],
  ])('%s: may hold a shop', (_, body) => expect(mayHoldShop(doc(body), probe)).toBe(true));

  it.each([
    ['a help page', '<h1>帮助中心</h1><p>配送方式、售后政策与常见问题。订单号 1234567890</p>'],
    ['only the platform’s own licence', '<div class="tm-footer">营业执照注册号：330100400015575 企业名称：浙江天猫网络有限公司</div>'],
    ['a label only inside a script', '<script>var t = "企业名称：x"</script><p>今日推荐</p>'],
  ])('%s: no shop', (_, body) => expect(mayHoldShop(doc(body), probe)).toBe(false));

  it('a platform’s page data in an inline script (1688’s __INIT_DATA): may hold a shop', () => {
    const d = new DOMParser().parseFromString('<!doctype html><html><head><script>window.__INIT_DATA={"globalData":{"tempModel":{"companyName":"广州欧博化妆品有限公司"}}}</script></head><body><p>今日推荐</p></body></html>', 'text/html');
    expect(mayHoldShop(d, probe)).toBe(true);
  });

  it('six digits that are not a code, split digits and a code with a letter where a digit must be: no shop', () => {
    expect(mayHoldShop(doc('<p>订单号 123456 与 12345 6</p>'), probe)).toBe(false);
    expect(mayHoldShop(doc('<p>91990000MA2H7Q013E</p>'.replace('9199', '91A9')), probe)).toBe(false);
    expect(mayHoldShop(doc('<p>编号 12 3456 7890 91990000MA2H7Q013E</p>'), probe)).toBe(true);
  });

  it('looks at a changed part only, ignoring changes inside the footer', () => {
    const d = doc('<main><p>今日推荐</p></main><div class="tm-footer"><p>企业名称：浙江天猫网络有限公司</p></div>');
    expect(mayHoldShop(d.querySelector('.tm-footer p')!, probe)).toBe(false);
    const added = d.createElement('p');
    added.textContent = '统一社会信用代码：91990000MA2H7Q013E';
    d.querySelector('main')!.append(added);
    expect(mayHoldShop(added, probe)).toBe(true);
  });
});
