// What regulators look for on a page, as data: these words and addresses change more often than the code.

/** Text cues, tested against each text node. */
export const TEXT_CUES = {
  licence: /营业执照|商家公示信息|经营者资质|亮照/,
  identityMark: /身份核验|实名认证|身份已验证|已实名/,
  creditLevel: /信用等级|纳税信用|信用评级/,
  selfDeclaration: /无需(办理)?(市场主体)?登记|免于登记|不需要办理市场主体登记|自我声明/,
  riskWarning: /风险提示|严重失信|失信警示/,
  individualSeller: /个人卖家|个人店铺|个人网店/,
} as const;

/** Links that lead to a licence page or carry one (platform licence pages, SAMR 亮照); marks and seals are read by core/detect's classifyLink. */
export const LICENCE_LINK = /showLicence|liangzhao|\/license\.html|licenseLink\.do|zzlz\.gsxt\.gov\.cn/;

/** Credit portals for the query-window rule: id → address pattern. */
export const QUERY_TARGETS: readonly { id: string; href: RegExp }[] = [
  { id: 'creditchina', href: /(^|\.)creditchina\.gov\.cn/ },
  { id: 'gsxt', href: /^(www\.)?gsxt\.gov\.cn|^[a-z]{2}\.gsxt\.gov\.cn/ },
  { id: 'local', href: /^(credit|xy)[a-z]*\.[a-z.]*gov\.cn$|^[a-z]+\.(credit|xy)[a-z]*\.gov\.cn$/ },
];

/** Labels before a code (the label does not tell the format, the string does: DOMAIN.md §2.2). */
export const CODE_LABEL = /(统一社会信用代码|企业注册号|营业执照注册号|执照注册号|注册号|信用代码)\s*[:：]?\s*([0-9A-Za-z]{15,18})/g;
export const NAME_LABEL = /(企业名称|公司名称|经营者名称)\s*[:：]\s*([^\s，,。；;:：]{2,60}?)(?=统一社会信用代码|企业注册号|营业执照|注册号|法定代表人|住所|地址|类型|成立|查看|$|[\s，,。；;])/;
/** A label on its own (a <dt> or <th>): the name is in the next element. */
export const NAME_LABEL_ALONE = /^\s*(企业名称|公司名称|经营者名称)\s*[:：]?\s*$/;

/** Standard licence positions: the shop header and the page footer. */
export const STANDARD_POSITIONS = ['header', 'footer', '[role="banner"]', '[role="contentinfo"]', '.shop-header', '#shop-header', '.footer', '#footer'];

/** Paths that look like a platform homepage. */
export const HOME_PATH = /^\/(index\.html?)?$|\/home(page)?(\.html?)?$/;

/** Words and paths of a shop or item page. */
export const SHOP_TEXT = /进入店铺|进店逛逛|关注店铺|店铺首页|加入购物车|立即购买|联系客服|掌柜/;
export const SHOP_PATH = /\/(shop|store|item|mall|detail)[\w-]*[/.]|[?&](shop|store)Id=/i;
