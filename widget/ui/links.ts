// Official places where anyone can check a shop without trusting us (docs/domain.md §3, §5); the searches are in
// core/data/query-sites (pickSites).
/** 12315 takes no prefill parameters, so the card shows the details to paste next to the link. */
export const REPORT_12315 = 'https://www.12315.cn/';

/** Only SAMR 亮照 check links are offered as such; anything else in provenance is not. */
export function samrCheckUrl(urls: (string | undefined)[]): string | undefined {
  return urls.find((u) => !!u && u.startsWith('https://zzlz.gsxt.gov.cn/'));
}
