// Official places where anyone can check a shop without trusting us (DOMAIN.md §3, §5).
const CREDIT_CHINA =
  'https://www.creditchina.gov.cn/xinyongxinxi/index.html?index=0&scenes=defaultScenario&tableName=credit_xyzx_tyshxydm&searchState=2&entityType=1,2,4,5,6,7,8&keyword=';

export const creditChinaSearch = (keyword: string): string => CREDIT_CHINA + encodeURIComponent(keyword);
export const GSXT_HOME = 'https://www.gsxt.gov.cn';
/** 12315 takes no prefill parameters, so the card shows the details to paste next to the link. */
export const REPORT_12315 = 'https://www.12315.cn/';

/** Only SAMR 亮照 check links are offered as such; anything else in provenance is not. */
export function samrCheckUrl(urls: (string | undefined)[]): string | undefined {
  return urls.find((u) => !!u && u.startsWith('https://zzlz.gsxt.gov.cn/'));
}
