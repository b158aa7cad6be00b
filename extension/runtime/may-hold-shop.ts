import { leadingLiteral } from '../../core/lists';
import type { SiteAdapter } from '../sites/define-site';

// What detection reads a shop from (DESIGN §Find the subject): a XinBiao mark, a SAMR 亮照 link, an adapter's blocks,
// labelled licence text (the labels that hold no shorter one) or a bare 18-character code. Anything else: no shop.
const ELEMENTS = ['xinbiao-mark', 'a[href*="gsxt.gov.cn" i]'];
const LABELS = ['信用代码', '注册号', '营业执照号', '企业名称', '公司名称', '主体名称', '经营者名称', '单位名称'];
const DIGITS = /\d{6}/;
const CODE = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/;

// Labels by plain search, the code's expression only past six digits in a row: on a page without a shop, compiling
// one expression of them all cost more than the rest of the look (bench content-idle).
const mayName = (text: string): boolean => LABELS.some((l) => text.includes(l)) || (DIGITS.test(text) && CODE.test(text));

/** The text of the whole document (through a range: no element of it is touched), or of one part. */
function textOf(root: ParentNode & Node): string {
  if (root.nodeType !== 9) return root.textContent ?? '';
  const range = (root as Document).createRange();
  range.selectNodeContents(root);
  return range.toString();
}

/** What the first look needs, made from the adapters at build time (the small first part carries no adapter). */
export interface ShopProbe {
  /** Elements whose presence means the page may show a shop: marks, 亮照 links, every adapter's shop blocks. */
  selector: string;
  /** The platforms' own licences (footers): their text does not count. */
  platformBlock: string[];
  /** Words that open a state object naming the operator in an inline script (1688's `__INIT_DATA`). */
  dataMarkers: string[];
}

/** The literal name a script way's pattern starts with (`__INIT_DATA[\\s\\S]…` → `__INIT_DATA`), when it is a long one. */
function dataMarker(pattern: string): string[] {
  const word = leadingLiteral(pattern);
  return word.length >= 6 ? [word] : [];
}

/** The probe for a set of adapters: the union of their selectors, so one probe serves every platform and any site. */
export function shopProbe(sites: readonly SiteAdapter[]): ShopProbe {
  const blocks = sites.flatMap((s) => [...s.selectors.shopName, ...s.selectors.licenceBlock, ...s.selectors.hoverTitle]);
  return {
    selector: [...new Set([...ELEMENTS, ...blocks])].join(','),
    platformBlock: [...new Set(sites.flatMap((s) => s.selectors.platformBlock))],
    dataMarkers: [...new Set(sites.flatMap((s) => s.ways.operator.flatMap((w) => (w.from === 'script' ? dataMarker(w.pattern) : []))))],
  };
}

/**
 * A cheap first look (one querySelector, the text read once): false only when full detection would surely find no
 * shop under root. Text inside a platform's own licence block, a script or a style does not count.
 */
export function mayHoldShop(root: ParentNode & Node, probe: ShopProbe): boolean {
  if ((root as Element).matches?.(probe.selector) || root.querySelector(probe.selector)) return true;
  // Page data in inline scripts: looked for in the whole document only (a single-page app's later scripts are code).
  if (probe.dataMarkers.length > 0 && root.nodeType === 9) {
    for (const s of root.querySelectorAll('script:not([src])')) if (probe.dataMarkers.some((m) => s.textContent?.includes(m))) return true;
  }
  let text = textOf(root);
  if (!mayName(text)) return false;
  // Detection skips script and style text (a single-page app's code, its data) as well.
  for (const sel of ['script', 'style', ...probe.platformBlock]) {
    if ((root as Element).closest?.(sel)) return false; // a change inside the footer or a script
    for (const el of root.querySelectorAll(sel)) text = text.replace(el.textContent ?? '', '');
  }
  return mayName(text);
}
