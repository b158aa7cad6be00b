/**
 * Official credit-query sites a platform links to from its homepage (信用中国, 公示系统, provincial and city
 * sites). Detection recognises links to these hosts as query windows; the widget builds search links from
 * `searchUrl`. To add a site, append one entry; `{keyword}` in `searchUrl` is replaced by the URL-encoded name
 * or USCC. Entries marked [I] are inferred (host or search path not confirmed from an official page).
 */
export interface QuerySite {
  /** Stable id, used in detection output. */
  id: string;
  name: string;
  /** Area it covers: 全国, a province or a city. */
  region: string;
  level: 'national' | 'province' | 'city';
  /** Hosts that serve it (exact, lower case). */
  hosts: readonly string[];
  /** Search page with `{keyword}`, or the home page when the site has no linkable search. */
  searchUrl: string;
  /** True when the host or search URL is inferred rather than confirmed. */
  inferred: boolean;
}

export const QUERY_SITES: readonly QuerySite[] = [
  {
    id: 'creditchina', name: '信用中国', region: '全国', level: 'national',
    hosts: ['www.creditchina.gov.cn', 'creditchina.gov.cn'],
    searchUrl: 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?index=0&scenes=defaultScenario&tableName=credit_xyzx_tyshxydm&searchState=2&entityType=1,2,4,5,6,7,8&keyword={keyword}',
    inferred: false,
  },
  {
    // Search sits behind a slide captcha: link the home page, the shopper pastes the code.
    id: 'gsxt', name: '国家企业信用信息公示系统', region: '全国', level: 'national',
    hosts: ['www.gsxt.gov.cn', 'gsxt.gov.cn'],
    searchUrl: 'https://www.gsxt.gov.cn/index.html',
    inferred: false,
  },
  // [I] provincial and city hosts and search paths below follow the 信用中国 pattern; confirm before relying on them.
  { id: 'credit-jiangsu', name: '信用江苏', region: '江苏省', level: 'province', hosts: ['credit.jiangsu.gov.cn'], searchUrl: 'https://credit.jiangsu.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-lianyungang', name: '信用连云港', region: '江苏省连云港市', level: 'city', hosts: ['credit.lyg.gov.cn', 'xy.lyg.gov.cn'], searchUrl: 'https://credit.lyg.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-dalian', name: '信用大连', region: '辽宁省大连市', level: 'city', hosts: ['credit.dl.gov.cn', 'xydl.dl.gov.cn'], searchUrl: 'https://credit.dl.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-shanghai', name: '信用上海', region: '上海市', level: 'province', hosts: ['credit.sh.gov.cn', 'xyxx.sh.gov.cn'], searchUrl: 'https://credit.sh.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-zhejiang', name: '信用浙江', region: '浙江省', level: 'province', hosts: ['credit.zj.gov.cn', 'www.zjcredit.gov.cn'], searchUrl: 'https://credit.zj.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-guangdong', name: '信用广东', region: '广东省', level: 'province', hosts: ['credit.gd.gov.cn'], searchUrl: 'https://credit.gd.gov.cn/?keyword={keyword}', inferred: true },
  { id: 'credit-beijing', name: '信用北京', region: '北京市', level: 'province', hosts: ['creditbj.jxj.beijing.gov.cn', 'www.creditbj.gov.cn'], searchUrl: 'https://creditbj.jxj.beijing.gov.cn/?keyword={keyword}', inferred: true },
];

// Built on first use, so a bundle that never looks hosts up drops it.
let byHost: Map<string, QuerySite> | undefined;

/** The query site served from a host, if any. */
export function querySiteByHost(host: string): QuerySite | undefined {
  byHost ??= new Map(QUERY_SITES.flatMap((s) => s.hosts.map((h) => [h, s] as const)));
  return byHost.get(host.toLowerCase());
}

/** A search link on a query site for a name or USCC. */
export function querySearchUrl(site: QuerySite, keyword: string): string {
  return site.searchUrl.replace('{keyword}', encodeURIComponent(keyword));
}
