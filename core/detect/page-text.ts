import { ELEMENT_NODE, attr, manualSource, nodeTypeOf, parentOf, tagOf, treeWalkerSource, type NodeSource } from './dom';
import { quickScan } from './quick-scan';
import { scan, Tag, TAGS, type PageScan } from './scan';

const EMPTY: PageScan = { text: '', starts: [], textNodes: [], links: [], frames: [], titled: [], markEls: [], queryEls: [], jsonLd: [], visited: 0 };

/**
 * Reads the page the quick way when the page left the native reads alone, else walks every node. Never throws.
 * @param whole read all of the page's text (the quick way reads only the text around labels and codes)
 */
export function scanPage(root: Document | Element, whole = false): PageScan {
  return (whole ? null : quickScan(root)) ?? fullScan(root);
}

/**
 * Scans the page once with a native TreeWalker; when a patched page makes that throw or come back empty, scans
 * again through guarded firstChild/nextSibling reads. Never throws.
 */
export function fullScan(root: Document | Element): PageScan {
  const walker = treeWalkerSource(root);
  if (walker) {
    try {
      const s = scan(withRoot(root, walker), false);
      if (s.visited > 1 || !hasChild(root)) return s;
    } catch {
      // fall back to the careful walk
    }
  }
  try {
    return scan(withRoot(root, manualSource(root)), true);
  } catch {
    return EMPTY;
  }
}

/** A TreeWalker never yields its root; an element root is part of the page too. */
function withRoot(root: Node, source: NodeSource): NodeSource {
  let first = nodeTypeOf(root) === ELEMENT_NODE;
  return { next: () => (first ? ((first = false), root) : source.next()) };
}

function hasChild(root: Node): boolean {
  try {
    return !!root.firstChild;
  } catch {
    return true;
  }
}

/** Index (in `textNodes`) of the text node holding an offset of the scanned text; -1 when there is no text. */
function nodeIndexAt(page: PageScan, offset: number): number {
  const { starts } = page;
  let lo = 0, hi = starts.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The element holding the text at an offset of the scanned text. */
export function elementAt(page: PageScan, offset: number): Element | null {
  const i = nodeIndexAt(page, offset);
  const p = i < 0 ? null : parentOf(page.textNodes[i]!);
  return p && nodeTypeOf(p) === ELEMENT_NODE ? (p as Element) : null;
}

/** The text of the text node holding an offset of the scanned text (from the scan, not read again from the page). */
export function nodeTextAt(page: PageScan, offset: number): string {
  const i = nodeIndexAt(page, offset);
  if (i < 0) return '';
  const next = page.starts[i + 1];
  return page.text.slice(page.starts[i]!, next === undefined ? undefined : next);
}

const FOOTER_TOKEN = /(^|[\s_-])(footer|foot|ft|copyright|copy-right|site-info)([\s_-]|$)/i;
const MAX_DEPTH = 64;

/** Inside one of the given elements, or inside the page footer when `footer` is set. */
export function insideAny(el: Element | null, set: ReadonlySet<Element>, footer: boolean): boolean {
  let n: Node | null = el;
  for (let depth = 0; n && depth < MAX_DEPTH; depth++, n = parentOf(n)) {
    if (nodeTypeOf(n) !== ELEMENT_NODE) break;
    const e = n as Element;
    if (set.has(e)) return true;
    if (footer && (tagOf(e) === 'footer' || FOOTER_TOKEN.test(attr(e, 'id') ?? '') || FOOTER_TOKEN.test(attr(e, 'class') ?? ''))) return true;
  }
  return false;
}

// A link wraps its text within a few levels (<a><span><b>京ICP证…</b></span></a>).
const LINK_DEPTH = 4;

/** The link (`<a>`) holding an element, itself included, within a few levels; null when there is none. */
export function closestLink(el: Element): Element | null {
  let n: Node | null = el;
  for (let depth = 0; n && depth <= LINK_DEPTH && nodeTypeOf(n) === ELEMENT_NODE; depth++, n = parentOf(n)) {
    if (tagOf(n) === 'a') return n as Element;
  }
  return null;
}

/** The nearest block element (the walk's line breaks: div, p, li, td …) holding an element, itself included. */
export function blockOf(el: Element): Element | null {
  let n: Node | null = el;
  for (let depth = 0; n && depth < MAX_DEPTH && nodeTypeOf(n) === ELEMENT_NODE; depth++, n = parentOf(n)) {
    if (TAGS[tagOf(n)] === Tag.Block) return n as Element;
  }
  return null;
}
