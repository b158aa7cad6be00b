import { describe, expect, it } from 'vitest';
import { QUERY_SITES, querySearchUrl } from '../../../core/data/query-sites';

// Written by hand from the sites' own pages (docs/domain.md §5): a query window that sends a shopper to the wrong
// host or the wrong region is a wrong official record, so every entry is pinned here.
const EXPECTED: Record<string, { region: string; level: string; hosts: string[]; search: string }> = {
  creditchina: { region: '全国', level: 'national', hosts: ['www.creditchina.gov.cn', 'creditchina.gov.cn'], search: 'www.creditchina.gov.cn' },
  gsxt: { region: '全国', level: 'national', hosts: ['www.gsxt.gov.cn', 'gsxt.gov.cn'], search: 'www.gsxt.gov.cn' },
  'credit-jiangsu': { region: '江苏省', level: 'province', hosts: ['credit.jiangsu.gov.cn'], search: 'credit.jiangsu.gov.cn' },
  'credit-lianyungang': { region: '江苏省连云港市', level: 'city', hosts: ['credit.lyg.gov.cn', 'xy.lyg.gov.cn'], search: 'credit.lyg.gov.cn' },
  'credit-dalian': { region: '辽宁省大连市', level: 'city', hosts: ['credit.dl.gov.cn', 'xydl.dl.gov.cn'], search: 'credit.dl.gov.cn' },
  'credit-shanghai': { region: '上海市', level: 'province', hosts: ['credit.sh.gov.cn', 'xyxx.sh.gov.cn'], search: 'credit.sh.gov.cn' },
  'credit-zhejiang': { region: '浙江省', level: 'province', hosts: ['credit.zj.gov.cn', 'www.zjcredit.gov.cn'], search: 'credit.zj.gov.cn' },
  'credit-guangdong': { region: '广东省', level: 'province', hosts: ['credit.gd.gov.cn'], search: 'credit.gd.gov.cn' },
  'credit-beijing': { region: '北京市', level: 'province', hosts: ['creditbj.jxj.beijing.gov.cn', 'www.creditbj.gov.cn'], search: 'creditbj.jxj.beijing.gov.cn' },
};

describe('query-site table', () => {
  it('lists exactly the expected sites', () => {
    expect(QUERY_SITES.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, want] of Object.entries(EXPECTED)) {
    it(`${id}: region, level, hosts and search host are the official ones`, () => {
      const site = QUERY_SITES.find((s) => s.id === id)!;
      expect({ region: site.region, level: site.level, hosts: [...site.hosts] }).toEqual({ region: want.region, level: want.level, hosts: want.hosts });
      expect(new URL(querySearchUrl(site, '91330106673959654P')).host).toBe(want.search);
    });
  }

  it('puts the keyword into the search address, encoded', () => {
    const site = QUERY_SITES.find((s) => s.id === 'creditchina')!;
    expect(new URL(querySearchUrl(site, '示例 A&B')).searchParams.get('keyword')).toBe('示例 A&B');
  });
});
