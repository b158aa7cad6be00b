import { classifyLink, samrLink } from '../../../core/detect';
import { QUERY_SITES, querySearchUrl, querySiteByHost } from '../../../core/data/query-sites';
import { mayBeMarkOrPortal } from '../../../core/detect/links';
import { completeUscc } from '../../../core/identifiers';

describe('SAMR 亮照 serials', () => {
  it('takes the USCC before -SAIC_SHOW_ only when its check passes, and the 13-digit issue time', () => {
    const code = completeUscc('91990000MA1N4X7B6');
    expect(samrLink(`${code}-SAIC_SHOW_100000${code}1700000000000`)).toEqual({
      type: 'mark', kind: 'samr', category: 'samr', uscc: code, regNo: null, name: null, issuedAt: '2023-11-14T22:13:20.000Z', serial: `${code}-SAIC_SHOW_100000${code}1700000000000`, variant: 'national',
    });
    expect(samrLink('91110108MA01712M9L-SAIC_SHOW_10000091110108MA01712M9L1600000000000')).toMatchObject({ uscc: null, variant: 'national' });
    expect(samrLink('internal-id')).toMatchObject({ uscc: null, issuedAt: null, variant: null });
    expect(samrLink(`${code}-SAIC_SHOW_3100000${code}9999999999999`)).toMatchObject({ uscc: code, issuedAt: null, variant: 'shanghai' });
  });

  it('prefilters links by a dot before c or o in any case, then the host hints', () => {
    for (const href of ['https://zzlz.gsxt.gov.cn/x', 'HTTPS://BEIAN.MIIT.GOV.CN/', 'https://ss.knet.cn/verifyseal.dll?sn=1', 'https://credit.cecdc.com/CX1.html',
      'https://credit.szfw.org/CX1.html', 'x.y.Gov.Cn', '/go?u=https://www.creditchina.gov.cn/']) expect(mayBeMarkOrPortal(href)).toBe(true);
    for (const href of ['/item/100001.html', 'https://item.example.com/1.html', '#none', '', '.', 'gov.cn', 'https://sh.gov.cm/', 'knet.c']) {
      expect(mayBeMarkOrPortal(href)).toBe(false);
    }
  });

  it('recognises the link on any gov.cn host and nowhere else', () => {
    const serial = '91330106673959654P-SAIC_SHOW_10000091330106673959654P1565248460894';
    expect(classifyLink(`https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=${serial}`)).toMatchObject({ kind: 'samr', uscc: '91330106673959654P' });
    expect(classifyLink(`//sh.gsxt.gov.cn/businessCheck/verifKey.do?serial=${serial}`)).toMatchObject({ kind: 'samr' });
    expect(classifyLink(`https://zzlz.gsxt.gov.cn.evil.example/businessCheck/verifKey.do?serial=${serial}`)).toBeNull();
    expect(classifyLink('not a url ::')).toBeNull();
  });
});

describe('query sites (data table)', () => {
  it('has the required sites, unique ids and hosts, a {keyword} or home page URL each, and hosts the walk notices', () => {
    const names = QUERY_SITES.map((s) => s.name);
    for (const n of ['信用中国', '国家企业信用信息公示系统', '信用江苏', '信用连云港', '信用大连', '信用上海', '信用浙江', '信用广东', '信用北京']) expect(names).toContain(n);
    expect(new Set(QUERY_SITES.map((s) => s.id)).size).toBe(QUERY_SITES.length);
    const hosts = QUERY_SITES.flatMap((s) => s.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const s of QUERY_SITES) {
      expect(new URL(s.searchUrl.replace('{keyword}', 'x')).protocol).toBe('https:');
      for (const h of s.hosts) expect(mayBeMarkOrPortal(`https://${h}/`)).toBe(true);
    }
  });

  it('looks sites up by host and builds search links', () => {
    expect(querySiteByHost('WWW.CREDITCHINA.GOV.CN')?.id).toBe('creditchina');
    expect(querySiteByHost('zzlz.gsxt.gov.cn')).toBeUndefined();
    expect(querySearchUrl(querySiteByHost('www.creditchina.gov.cn')!, '阿里云')).toContain('keyword=%E9%98%BF%E9%87%8C%E4%BA%91');
    expect(classifyLink('https://credit.jiangsu.gov.cn/')).toMatchObject({ type: 'query', site: { name: '信用江苏' } });
  });
});
