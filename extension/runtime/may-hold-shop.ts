// What detection reads a shop from (DESIGN §Find the subject): a XinBiao mark, a SAMR 亮照 link, an adapter's blocks,
// labelled licence text (the labels that hold no shorter one) or a bare 18-character code. Anything else: no shop.
export const LABELS = ['信用代码', '注册号', '营业执照号', '企业名称', '公司名称', '主体名称', '经营者名称', '单位名称'];
const DIGIT_RUN = 6;

/**
 * Whether the text may name an operator: a label by plain search, or six ASCII digits in a row (a USCC has six at
 * positions 3–8) and then the code's shape (`code`, a pattern's source). One function with its loops written out: on a page without a shop
 * every function the look calls is compiled for that page alone, and compiling cost more than the look itself
 * (bench content-idle), as did compiling an expression for the digits.
 */
function mayName(text: string, code: string): boolean {
  for (const l of LABELS) if (text.includes(l)) return true;
  // Every sixth character only (as core/detect's digitRuns; written here so the part carries no core code).
  for (let i = DIGIT_RUN - 1; i < text.length; i += DIGIT_RUN) {
    let c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let s = i, e = i + 1;
    for (; s > 0 && (c = text.charCodeAt(s - 1)) >= 48 && c <= 57; s--);
    for (; e < text.length && (c = text.charCodeAt(e)) >= 48 && c <= 57; e++);
    if (e - s >= DIGIT_RUN) return new RegExp(code).test(text);
  }
  return false;
}

/** What the first look needs, made from the adapters at build time (the small first part carries no adapter). */
export interface ShopProbe {
  /** Elements whose presence means the page may show a shop: marks, 亮照 links, every adapter's shop blocks. */
  selector: string;
  /** The platforms' own licences (footers): their text does not count. */
  platformBlock: string[];
  /** Words that open a state object naming the operator in an inline script (1688's `__INIT_DATA`). */
  dataMarkers: string[];
  /** The USCC's shape as a pattern's source (core/identifiers USCC_SHAPE), so the part carries no core code. */
  code: string;
}

/**
 * A cheap first look (one querySelector, the text read once): true when root shows a mark, a 亮照 link, JSON-LD, a
 * labelled title, an adapter's block, a licence label or a bare code, the ways detection names a shop on shop pages.
 * Text inside a platform's own licence block, a script or a style does not count. Not looked for, so as not to fire
 * on every footer: a bare 名称 label, a name only on a copyright line, a mark drawn in an iframe, a label split by an
 * invisible character (docs/extension.md).
 */
export function mayHoldShop(root: ParentNode & Node, probe: ShopProbe): boolean {
  if ((root as Element).matches?.(probe.selector) || root.querySelector(probe.selector)) return true;
  // The whole document's text through a range: no element of it is touched (each kind touched costs its bindings).
  let text: string;
  if (root.nodeType === 9) {
    const range = (root as Document).createRange();
    range.selectNodeContents(root);
    text = range.toString();
    // Page data in inline scripts: looked for in the whole document only (a single-page app's later scripts are
    // code). The document's text holds its scripts' text, so no script element is visited; a marker in shown text
    // merely asks for detection, which then finds no shop.
    for (const m of probe.dataMarkers) if (text.includes(m)) return true;
  } else text = root.textContent ?? '';
  if (!mayName(text, probe.code)) return false;
  // Detection skips script and style text (a single-page app's code, its data) as well.
  for (const sel of ['script', 'style', ...probe.platformBlock]) {
    if ((root as Element).closest?.(sel)) return false; // a change inside the footer or a script
    for (const el of root.querySelectorAll(sel)) text = text.replace(el.textContent ?? '', '');
  }
  return mayName(text, probe.code);
}
