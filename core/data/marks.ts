/**
 * Licence-display and filing marks that pages link to (亮照 links, provincial and city 红盾 / 电子标识 systems, ICP
 * and 公安备案 records, trust seals), as data: detection (core/detect/links.ts) recognises a link, or an `<iframe>`
 * whose src is one of them, by these entries, and docs/detection.md lists them. To add a system, append one entry. Sources: docs/domain.md §3 and real footers
 * (../shared/real-pages: Zhejiang, Guangdong, Guangzhou, old MIIT hosts, szfw, knet, trustutn, itrust).
 */

/** What kind of thing a mark is, whatever system issues it. */
export type MarkCategory =
  | 'samr' // 国家市场监管总局 电子营业执照亮照 (carries the USCC)
  | 'regional-licence' // a province's or city's licence-display / 红盾 / 电子标识 system
  | 'icp' // ICP 备案 (site filing with MIIT)
  | 'telecom-licence' // 增值电信业务经营许可证 (ICP经营许可证 粤B2-…), shown on the MIIT hosts too
  | 'police-beian' // 公安机关互联网站安全备案
  | 'knet' // 可信网站 (CNNIC / knet)
  | 'cecdc' // 诚信网站 (cecdc)
  | 'szfw' // 诚信网站 (szfw)
  | 'site-seal' // other trust and security seals (实名认证, 网站征信, 安全检测 …)
  | 'licence-image'; // a picture of a licence or filing certificate the site hosts itself: shows a number, proves nothing

/** Where a link's serial or number sits: a query parameter, or group 1 of a path expression. */
export type SerialFrom = { param: string } | { path: string };

/** One way a mark's link looks; a system with several shapes has several entries with one id. */
export interface MarkSpec {
  /** Stable id, used as the mark's kind in detection output. */
  id: string;
  category: MarkCategory;
  name: { zh: string; en: string };
  /** Hosts, lower case: exact (`www.miibeian.gov.cn`) or a suffix with its dot (`*.knet.cn` matches knet.cn too). */
  hosts: readonly string[];
  /** The link's path must match this (case-insensitive) when given; otherwise any path of the hosts. */
  path?: string;
  /** Where the serial, seal or record number is. */
  serial?: SerialFrom;
  /**
   * Query parameters that carry the operator's own code: a USCC or a 15-digit 注册号 read from one becomes a
   * subject, as the SAMR 亮照 link's USCC does (only when its check passes).
   */
  codeParams?: readonly string[];
  /** The link's title (or alt) may name the operator (企业名称：…), as Guangdong's 红盾 link does. */
  titleNamesOperator?: boolean;
  /** True when the shape is inferred rather than seen on a real page. */
  inferred?: boolean;
}

/** Every known mark link shape, most specific first (the first entry that matches wins). */
export const MARK_SPECS: readonly MarkSpec[] = [
  {
    id: 'samr', category: 'samr', name: { zh: '电子营业执照亮照', en: 'SAMR licence display' },
    // zzlz.gsxt.gov.cn nationally; Shanghai ran its own host (serial SAIC_SHOW_310000…).
    hosts: ['*.gov.cn'], path: '/businesscheck/verifkey\\.do$', serial: { param: 'serial' },
  },
  {
    id: 'sgs-licence', category: 'regional-licence', name: { zh: '上海工商电子标识', en: 'Shanghai AIC e-mark' },
    hosts: ['*.sgs.gov.cn'], path: '^/lz/licenseLink\\.do$', serial: { param: 'entyId' },
  },
  {
    // Tmall's and Taobao's own footers; the id is the system's own number, not a registration code.
    id: 'zjamr', category: 'regional-licence', name: { zh: '浙江省市场监管局亮照', en: 'Zhejiang AMR licence display' },
    hosts: ['idinfo.zjamr.zj.gov.cn', 'idinfo.zjaic.gov.cn'], path: '^/bscx\\.do$', serial: { param: 'id' },
  },
  {
    // 红盾 search by 注册号 (corpsrch.aspx?key=<注册号>); its title names the operator.
    id: 'gdgs', category: 'regional-licence', name: { zh: '广东红盾网络经营者标识', en: 'Guangdong Red Shield mark' },
    hosts: ['wljg.gdgs.gov.cn'], path: '^/corpsrch\\.aspx$', serial: { param: 'key' }, codeParams: ['key'], titleNamesOperator: true,
  },
  {
    // The same mark drawn in an iframe (lz.ashx?vie=<encrypted token>): a mark, no number.
    id: 'gdgs', category: 'regional-licence', name: { zh: '广东红盾网络经营者标识', en: 'Guangdong Red Shield mark' },
    hosts: ['wljg.gdgs.gov.cn'], titleNamesOperator: true,
  },
  {
    id: 'gzaic', category: 'regional-licence', name: { zh: '广州工商红盾电子标识', en: 'Guangzhou AIC Red Shield mark' },
    hosts: ['*.gzaic.gov.cn', '*.gz.gov.cn'], path: '/viewBusinessLicence$', serial: { param: 'uniscid' },
    codeParams: ['uniscid', 'regno'], inferred: true,
  },
  {
    // WebLogoPub.aspx?logo=<id>: the id is the system's own (hex or 24 digits), not a registration code.
    id: 'gzaic', category: 'regional-licence', name: { zh: '广州工商红盾电子标识', en: 'Guangzhou AIC Red Shield mark' },
    hosts: ['netadreg.gzaic.gov.cn', '*.gzaic.gov.cn'], path: '/WebLogoPub\\.aspx$', serial: { param: 'logo' },
  },
  {
    // The new host and the old ones (miibeian, miitbeian) still on many footers.
    id: 'icp', category: 'icp', name: { zh: 'ICP备案', en: 'ICP filing' },
    hosts: ['beian.miit.gov.cn', 'www.beian.miit.gov.cn', 'www.miibeian.gov.cn', 'miibeian.gov.cn', 'www.miitbeian.gov.cn', 'miitbeian.gov.cn'],
  },
  {
    id: 'police-beian', category: 'police-beian', name: { zh: '公安备案', en: 'Public security filing' },
    hosts: ['*.beian.gov.cn'], path: 'registerSystemInfo', serial: { param: 'recordcode' },
  },
  { id: 'knet', category: 'knet', name: { zh: '可信网站', en: 'Trusted website (knet)' }, hosts: ['*.knet.cn'], serial: { param: 'sn' } },
  {
    id: 'cecdc', category: 'cecdc', name: { zh: '诚信网站', en: 'Integrity website (cecdc)' },
    hosts: ['credit.cecdc.com'], path: '^/(CX\\d{20})\\.html$', serial: { path: '^/(CX\\d{20})\\.html$' },
  },
  {
    id: 'szfw', category: 'szfw', name: { zh: '诚信网站', en: 'Integrity website (szfw)' },
    hosts: ['credit.szfw.org'], path: '^/(CX\\d{20})\\.html$', serial: { path: '^/(CX\\d{20})\\.html$' },
  },
  {
    id: 'szfw', category: 'szfw', name: { zh: '诚信网站', en: 'Integrity website (szfw)' },
    hosts: ['search.szfw.org'], path: '^/cert/l/(CX\\d+)', serial: { path: '^/cert/l/(CX\\d+)' },
  },
  {
    id: 'trustutn', category: 'site-seal', name: { zh: '实名认证（网站信用）', en: 'Real-name seal (trustutn)' },
    hosts: ['si.trustutn.org'], serial: { param: 'sn' },
  },
  {
    id: 'itrust', category: 'site-seal', name: { zh: '中国互联网协会网站征信', en: 'ISC website credit (itrust)' },
    hosts: ['www.itrust.org.cn'], path: 'itrust_certifi/wm/', serial: { path: 'itrust_certifi/wm/([0-9A-Za-z]+)' },
  },
  {
    id: 'itrust', category: 'site-seal', name: { zh: '中国互联网协会网站征信', en: 'ISC website credit (itrust)' },
    hosts: ['www.itrust.org.cn'], path: 'itrust_certifi', serial: { param: 'wm' },
  },
  { id: 'pinpaibao', category: 'site-seal', name: { zh: '品牌宝实名认证', en: 'Pinpaibao real-name seal' }, hosts: ['v.pinpaibao.com.cn'], path: '^/cert/' },
  { id: 'anquan', category: 'site-seal', name: { zh: '安全联盟实名验证', en: 'Anquan alliance real-name seal' }, hosts: ['www.anquan.org'], path: '^/authenticate/' },
  { id: 'webscan-360', category: 'site-seal', name: { zh: '360网站安全检测', en: '360 website scan' }, hosts: ['webscan.360.cn'], path: '^/index/checkwebsite' },
  { id: 'gddg110', category: 'site-seal', name: { zh: '东莞网警', en: 'Dongguan cyber police' }, hosts: ['www.gddg110.gov.cn'] },
  // 广州市公安局: footers link its home page or its 网上报警 / 网站安全检查 pages under an icon.
  { id: 'gzjd', category: 'site-seal', name: { zh: '广州网警', en: 'Guangzhou cyber police' }, hosts: ['www.gzjd.gov.cn'] },
];

/**
 * A link to a picture (by its path's file type) whose text is a filing or licence number (京ICP证 160773号 on a
 * CDN): the site shows its certificate as an image it hosts itself. A mark of kind `licence-image`, number from the
 * text; it proves nothing, as a copied icon does not.
 */
export const LICENCE_IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|bmp|pdf)$/i;

/** Mark kinds a link can have: the ids of MARK_SPECS, a telecom licence on an ICP host, a licence image. */
export type LinkMarkKind = 'samr' | 'sgs-licence' | 'zjamr' | 'gdgs' | 'gzaic' | 'icp' | 'telecom-licence' | 'police-beian' | 'knet'
  | 'cecdc' | 'szfw' | 'trustutn' | 'itrust' | 'pinpaibao' | 'anquan' | 'webscan-360' | 'gddg110' | 'gzjd' | 'licence-image';

/** The category of a mark kind (a link's telecom licence shows on an ICP host). */
export function markCategory(kind: string): MarkCategory | null {
  if (kind === 'telecom-licence' || kind === 'licence-image') return kind;
  return MARK_SPECS.find((s) => s.id === kind)?.category ?? null;
}

const hostMatches = (pattern: string, host: string) =>
  pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;

/** The first spec a link's host and path fit, or null. */
export function markSpecFor(host: string, path: string): MarkSpec | null {
  const h = host.toLowerCase();
  return MARK_SPECS.find((s) => s.hosts.some((p) => hostMatches(p, h)) && (!s.path || new RegExp(s.path, 'i').test(path))) ?? null;
}

/** Whether any mark system serves this host (whatever the path). */
export function isMarkHost(host: string): boolean {
  const h = host.toLowerCase();
  return MARK_SPECS.some((s) => s.hosts.some((p) => hostMatches(p, h)));
}

/**
 * The registrable domains of every mark host (`gov.cn`, `knet.cn`, `szfw.org` …): a cheap test run on every link
 * during the page walk, before a link is parsed.
 */
export const MARK_HOST_HINTS: readonly string[] = [...new Set(MARK_SPECS.flatMap((s) => s.hosts.map((h) => {
  const parts = h.replace(/^\*\./, '').split('.');
  const two = parts.slice(-2).join('.');
  return /^(gov|com|org|net)\.cn$/.test(two) ? parts.slice(-3).join('.') : two;
})))].map((d) => (d.endsWith('.gov.cn') ? 'gov.cn' : d)).filter((d, i, all) => all.indexOf(d) === i);
