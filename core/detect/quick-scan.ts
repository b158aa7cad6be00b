import { ELEMENT_NODE, TEXT_NODE, WALK_WHAT_TO_SHOW, attr, docOf } from './dom';
import { LABEL_ANCHORS, TEXT_MARK_ANCHORS } from './labels';
import { mayBeMarkOrPortal } from './links';
import { TAGS, Tag, keepIfTitled, type PageScan } from './scan';

// Page text read before the first hit of a stretch: more than a label, its note and a bare code's lead.
const BEFORE = 200;
// Characters other than whitespace and colons read after the last hit of a stretch: a label's rest, its note and
// the longest value (120) with the character that ends it all fit.
const AFTER = 150;
// Stretches are joined by more than the field pairing gap of characters that no label, value or code can hold.
const SEPARATOR = '|'.repeat(256);
// A USCC has six digits at positions 3–8; a page without six digits in a row has no bare code.
const DIGIT_RUN = 6;
const MAX_NODES = 3_000_000;
const SHOW_TEXT = 0x4;
// The name labels all end in 名称: one search over the text finds them all, each hit checked against the labels.
const NAME_TAIL = '名称';
const NAME_ANCHORS = LABEL_ANCHORS.filter((a) => a.endsWith(NAME_TAIL));
const OTHER_ANCHORS = [...LABEL_ANCHORS.filter((a) => !a.endsWith(NAME_TAIL)), ...TEXT_MARK_ANCHORS];

/**
 * Reads what detection needs without visiting every node from script: native collections for links, marks,
 * query windows and JSON-LD, one `textContent` of the root to find where labels and codes may be, and the
 * per-node walk only around those places. Gives the same scan (same text around every hit, same elements) as
 * the full walk. Null when the page patched the reads it relies on, or anything throws: the caller walks then.
 */
export function quickScan(root: Document | Element): PageScan | null {
  try {
    const doc = docOf(root);
    const isElement = root.nodeType === ELEMENT_NODE;
    const top = isElement ? (root as Element) : (root as Document).documentElement;
    if (!doc || !trustedTextContent(top ?? root)) return null;
    const out: PageScan = { text: '', starts: [], textNodes: [], links: [], frames: [], titled: [], markEls: [], queryEls: [], jsonLd: [], visited: 0 };
    collectElements(root, isElement, out);
    if (!top) return out;
    const text = top.textContent;
    if (typeof text !== 'string') return null;
    const hits = textHits(text);
    if (hits.length) readAround(doc, root, text, hits, out);
    return out;
  } catch {
    return null;
  }
}

/** textContent as the platform defines it: an accessor pair on Node.prototype, not a getter a page put there. */
function trustedTextContent(node: Node): boolean {
  for (let o: object | null = node, depth = 0; o && depth < 16; o = Object.getPrototypeOf(o), depth++) {
    const d = Object.getOwnPropertyDescriptor(o, 'textContent');
    if (d) return typeof d.get === 'function' && typeof d.set === 'function' && d.enumerable === true && o !== node;
  }
  return false;
}

/** Links, titled elements, mark iframes, marks, query elements and JSON-LD blocks in document order, through native collections. */
function collectElements(root: Document | Element, isElement: boolean, out: PageScan): void {
  const each = (tag: string, f: (el: Element) => void) => {
    if (isElement && (root as Element).localName === tag) f(root as Element);
    const list = root.getElementsByTagName(tag);
    for (let i = 0, n = list.length; i < n; i++) {
      out.visited++;
      f(list[i]!);
    }
  };
  // Links in their own loop: there are thousands, and a call through `each` costs as much as the reads.
  if (isElement && (root as Element).localName === 'a') link(root as Element, out);
  const links = root.getElementsByTagName('a');
  for (let i = 0, n = links.length; i < n; i++) link(links[i]!, out);
  out.visited += links.length;
  // Every shown element's hover text, in document order as the full walk keeps it: not only where text is read.
  if (isElement) titled(root as Element, out);
  const withTitle = root.querySelectorAll('[title]');
  for (let i = 0, n = withTitle.length; i < n; i++) titled(withTitle[i]!, out);
  out.visited += withTitle.length;
  each('iframe', (el) => {
    const src = attr(el, 'src');
    if (src && mayBeMarkOrPortal(src)) out.frames.push({ el, href: src });
  });
  each('xinbiao-mark', (el) => out.markEls.push(el));
  each('xinbiao-query', (el) => out.queryEls.push(el));
  each('script', (el) => {
    if (/ld\+json/i.test(attr(el, 'type') ?? '')) out.jsonLd.push({ el, text: leadingText(el) });
  });
}

/** Keeps a link that may be a mark or portal (by href). */
function link(el: Element, out: PageScan): void {
  const href = attr(el, 'href');
  if (href && mayBeMarkOrPortal(href)) out.links.push({ el, href });
}

/** Keeps an element the full walk reads the title of (links and shown elements, not script, style, marks or frames). */
function titled(el: Element, out: PageScan): void {
  const kind = TAGS[el.localName];
  if (kind === undefined || kind === Tag.Block || kind === Tag.Link) keepIfTitled(el, out);
}

/** The text children before the first child element: what the walk keeps apart as a script's text. */
function leadingText(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c && c.nodeType !== ELEMENT_NODE; c = c.nextSibling) if (c.nodeType === TEXT_NODE) s += c.nodeValue;
  return s;
}

/** Offsets in the text where a label, a bare code, a filing number or a copyright word may be, ascending. */
function textHits(text: string): number[] {
  const hits: number[] = [];
  for (const a of OTHER_ANCHORS) for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + a.length)) hits.push(i);
  for (let i = text.indexOf(NAME_TAIL); i >= 0; i = text.indexOf(NAME_TAIL, i + NAME_TAIL.length)) {
    const end = i + NAME_TAIL.length;
    const a = NAME_ANCHORS.find((l) => end >= l.length && text.startsWith(l, end - l.length));
    if (a) hits.push(end - a.length);
  }
  digitRuns(text, hits);
  return hits.sort((a, b) => a - b);
}

const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Starts of runs of six or more ASCII digits (a USCC has six at positions 3–8). Looks at every sixth character
 * only: a run that long always covers one of them. Several times faster than a regular expression here.
 */
function digitRuns(text: string, hits: number[]): void {
  for (let i = DIGIT_RUN - 1; i < text.length; ) {
    if (!isDigit(text, i)) {
      i += DIGIT_RUN;
      continue;
    }
    let s = i, e = i + 1;
    while (s > 0 && isDigit(text, s - 1)) s--;
    while (e < text.length && isDigit(text, e)) e++;
    if (e - s >= DIGIT_RUN) hits.push(s);
    i = e + DIGIT_RUN;
  }
}

/**
 * Walks the nodes around the hits as the full walk does (same text, same block breaks, same skipped script text)
 * and checks every text node read against the root's text. Stretches far apart are joined by SEPARATOR.
 */
function readAround(doc: Document, root: Node, text: string, hits: number[], out: PageScan): void {
  const walker = doc.createTreeWalker(root, WALK_WHAT_TO_SHOW);
  const parts: string[] = [];
  let len = 0;
  let at = 0; // offset in `text` where the next node's text begins
  let next = 0; // index of the next hit not yet read
  let need = 0; // characters still to read after the last hit
  let visited = 0;
  const texts = new TextLocator(doc, root, text.length);
  while (next < hits.length) {
    const start = texts.find(Math.max(0, hits[next]! - BEFORE));
    if (!start || start.offset < at) throw new Error('the page text and its nodes disagree');
    if (len > 0) {
      parts.push(SEPARATOR);
      len += SEPARATOR.length;
    }
    walker.currentNode = start.node;
    at = start.offset;
    let skipParent = skippedBy(start.node);
    for (let n: Node | null = start.node; n; n = walker.nextNode()) {
      if (++visited > MAX_NODES) throw new Error('the walk does not end');
      const v = n.nodeValue;
      if (v !== null) {
        if (!text.startsWith(v, at)) throw new Error('the page text and its nodes disagree');
        const kept = skipParent === null || n.parentNode !== skipParent;
        texts.mark(n, at);
        if (kept) {
          skipParent = null;
          out.starts.push(len);
          out.textNodes.push(n);
          parts.push(v);
          len += v.length;
        }
        // Hits inside script or style text are passed over: the walk leaves that text out.
        let from = 0;
        for (; next < hits.length && hits[next]! < at + v.length; next++) {
          if (!kept) continue;
          need = AFTER;
          from = hits[next]! - at;
        }
        if (kept && need > 0) need -= v.slice(from).replace(/[\s:：]+/g, '').length;
        at += v.length;
      } else {
        skipParent = null;
        const kind = TAGS[(n as Element).localName];
        if (kind === Tag.Block) {
          parts.push('\n');
          len++;
        } else if (kind === Tag.Script || kind === Tag.Skip) skipParent = n;
      }
      if (need <= 0 && (next >= hits.length || hits[next]! - BEFORE > at)) break;
    }
  }
  out.text = parts.join('');
  out.visited += visited + texts.count;
}

/** A script or style element whose leading text run this text node belongs to (the walk leaves it out). */
function skippedBy(node: Node): Node | null {
  const p = node.parentNode;
  if (node.nodeType !== TEXT_NODE || !p || p.nodeType !== ELEMENT_NODE) return null;
  const kind = TAGS[(p as Element).localName];
  if (kind !== Tag.Script && kind !== Tag.Skip) return null;
  return (node as Text).previousElementSibling === null ? p : null;
}

/** Finds the text node holding an offset of the root's text by counting text lengths, from a known node or back from the end. */
class TextLocator {
  private readonly walker: TreeWalker;
  private node: Node | null = null;
  private offset = 0;
  count = 0;

  constructor(doc: Document, private readonly root: Node, private readonly total: number) {
    this.walker = doc.createTreeWalker(root, SHOW_TEXT);
  }

  /** Remembers a text node whose text starts at `offset`: the next search may go on from there. */
  mark(node: Node, offset: number): void {
    this.node = node;
    this.offset = offset;
  }

  find(target: number): { node: Node; offset: number } | null {
    const w = this.walker;
    let n: Node | null;
    let off: number;
    if (this.node && target >= this.offset && target - this.offset <= this.total - target) {
      w.currentNode = this.node;
      n = this.node;
      off = this.offset;
    } else if (target < this.total - target) {
      w.currentNode = this.root;
      n = w.nextNode();
      off = 0;
    } else {
      w.currentNode = this.root;
      n = w.lastChild();
      let end = this.total;
      for (; n; n = w.previousNode()) {
        if (++this.count > MAX_NODES) return null;
        const len = (n as Text).length;
        if (end - len <= target && len > 0) return { node: n, offset: end - len };
        end -= len;
      }
      return null;
    }
    for (; n; n = w.nextNode()) {
      if (++this.count > MAX_NODES) return null;
      const len = (n as Text).length;
      if (target < off + len) return { node: n, offset: off };
      off += len;
    }
    return null;
  }
}
