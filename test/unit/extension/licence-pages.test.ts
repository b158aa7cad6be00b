import { SITES, siteFor } from '../../../extension/sites';
import { shopIdFromUrl } from '../../../extension/sites/read';
import { pageKindOf } from '../../../extension/sites/page-kind';
import { shopOfPage } from '../../../extension/background/shop-page';

const site = (id: string) => SITES.find((s) => s.id === id)!;

// Licence page addresses as public crawler code and notes give them (none is in ../shared/real-pages/urls.txt).
const PDD_LICENCE = 'https://mobile.yangkeduo.com/mall_certificates.html?_t_rpn=mall_comment&mall_id=851555556&msn=pofblc4t3j4jcyjg5xmsbn3uam_axbuy&goods_id=887704706372';
const DOUYIN_LICENCE = 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=13939925088';

describe("the platforms' licence pages at their real addresses", () => {
  it.each([
    [PDD_LICENCE, 'pinduoduo', 'licence'],
    [DOUYIN_LICENCE, 'douyin', 'licence'],
    ['https://haohuo.jinritemai.com/views/shop/index?id=tMOiCrl', 'douyin', 'shop'],
    ['https://shop3e67986509770.1688.com/page/creditdetail.htm', '1688', 'licence'],
    ['https://shop435k7765ud417.1688.com/page/creditdetail.htm?spm=b26110380.2178313.result.10.6fc12030Z6ZRMi', '1688', 'licence'],
    ['http://wwm16888.1688.com/page/creditdetail.htm', '1688', 'licence'],
    ['https://zhaoshang.tmall.com/maintaininfo/liangzhao.htm?xid=d05d9e6324a811f4e2cb7918db4c88d3', 'tmall', 'licence'],
    ['http://zhaoshang.mall.taobao.com/maintaininfo/liangzhao.htm?xid=1183a425054ac0d2943d9c02db4668db', 'tmall', 'licence'],
  ] as const)('%s is a %s %s page', (url, id, kind) => {
    expect(siteFor(url, SITES)?.id).toBe(id);
    expect(pageKindOf(site(id), url)).toBe(kind);
  });

  it('the shop id their own address carries', () => {
    expect(shopIdFromUrl(site('pinduoduo'), PDD_LICENCE)).toBe('851555556');
    expect(shopIdFromUrl(site('douyin'), DOUYIN_LICENCE)).toBe('13939925088');
    expect(shopIdFromUrl(site('douyin'), 'https://haohuo.jinritemai.com/views/shop/index?id=tMOiCrl')).toBe('tMOiCrl');
    expect(shopIdFromUrl(site('1688'), 'https://b2b-22165305319342b.1688.com/page/creditdetail.htm')).toBe('b2b-22165305319342b');
    // Only the id itself: an id glued to other characters is not read in part.
    expect(shopIdFromUrl(site('douyin'), 'https://haohuo.jinritemai.com/views/shop/index?id=139399%2F25088')).toBeNull();
  });

  it('Douyin links the 商家资质 page by shop id; Pinduoduo and 1688 offer no link', () => {
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/shop/index?id=13939925088'))
      .toMatchObject({ writes: 'page', licenceUrl: DOUYIN_LICENCE });
    expect(shopOfPage({ site: 'pinduoduo', id: '851555556' }, PDD_LICENCE)).toMatchObject({ writes: 'page', licenceUrl: null });
    expect(shopOfPage({ site: '1688', id: 'b2b-1641351767' }, 'https://winport.m.1688.com/page/index.html?memberId=b2b-1641351767')).toMatchObject({ licenceUrl: null });
  });
});

describe('which licence page may write the shop memory (hostile pages)', () => {
  it("the shop's own 商家资质 page writes as 'licence'", () => {
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, DOUYIN_LICENCE)).toMatchObject({ writes: 'licence', path: 'haohuo.jinritemai.com/views/shop/multipleLicenses' });
  });

  it("another shop's licence page, whose address differs only in its query, may not write this shop", () => {
    // The licence page of shop 111 names its own operator; a message claiming shop 13939925088 must not store it there.
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=111')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=111#id=13939925088')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'douyin', id: '13939925088' }, 'https://haohuo.jinritemai.com/views/shop/multipleLicenses?id=111&id=13939925088')).toMatchObject({ writes: null });
    expect(shopOfPage({ site: 'pinduoduo', id: '2' }, 'https://mobile.yangkeduo.com/mall_certificates.html?mall_id=1&goods_id=2')).toMatchObject({ writes: null });
  });
});
