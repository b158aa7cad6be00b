import { ELEMENT_NODE, TEXT_NODE, attr, nodeTypeOf, parentOf, tagOf, type NodeSource } from './dom';
import { titleMayHoldLicence } from './labels';
import { mayBeMarkOrPortal } from './links';

/** What the single walk over the page collects; everything else works on this. */
export interface PageScan {
  /** The page's text in document order; block elements start a new line so fields in cells stay apart. */
  text: string;
  /** Offset in `text` where each text node starts, with the node. */
  starts: number[];
  textNodes: Node[];
  /** Links whose target may be a mark, seal, registration or credit portal. */
  links: { el: Element; href: string }[];
  /** Iframes whose src may be a mark (a regional system draws its mark in one); other iframes are not read. */
  frames: { el: Element; href: string }[];
  /** Elements whose title may hold licence text (JD item pages' shop link, a licence icon's image). */
  titled: Element[];
  markEls: Element[];
  queryEls: Element[];
  /** JSON-LD blocks with their script element. */
  jsonLd: { el: Element; text: string }[];
  /** DOM nodes read one by one (the walk's nodes, or the quick read's elements and text nodes): grows linearly with the page. */
  visited: number;
}

// Far beyond any real page: a patched walker that loops forever must not hang detection.
const MAX_NODES = 3_000_000;

/** What the walk does with an element, by its local name. */
export const Tag = { Link: 1, Mark: 2, Query: 3, Script: 4, Skip: 5, Block: 6, Frame: 7 } as const;
type TagKind = (typeof Tag)[keyof typeof Tag];

export const TAGS: Record<string, TagKind | undefined> = {
  __proto__: null as never,
  a: Tag.Link, iframe: Tag.Frame, 'xinbiao-mark': Tag.Mark, 'xinbiao-query': Tag.Query,
  script: Tag.Script, style: Tag.Skip, noscript: Tag.Skip, textarea: Tag.Skip,
};
for (const t of 'address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section table tbody td tfoot th thead tr ul'.split(' ')) {
  TAGS[t] = Tag.Block;
}

/**
 * One pass over elements and text nodes. `careful` reads every property through guarded accessors; the fast
 * path reads them directly and the caller retries carefully when a patched page makes it throw.
 */
export function scan(source: NodeSource, careful: boolean): PageScan {
  const parts: string[] = [];
  const starts: number[] = [];
  const textNodes: Node[] = [];
  const out: PageScan = { text: '', starts, textNodes, links: [], frames: [], titled: [], markEls: [], queryEls: [], jsonLd: [], visited: 0 };
  let len = 0;
  // Text children of script/style are not page text; JSON-LD script text is kept apart.
  let skipParent: Node | null = null;
  let ld: { el: Element; text: string } | null = null;
  let visited = 0;
  for (let n = source.next(); n; n = source.next()) {
    if (++visited > MAX_NODES) throw new Error('the walk does not end');
    const v = careful ? carefulText(n) : n.nodeValue;
    if (v !== null) {
      if (skipParent !== null) {
        if ((careful ? parentOf(n) : n.parentNode) === skipParent) {
          if (ld) ld.text += v;
          continue;
        }
        skipParent = ld = null;
      }
      starts.push(len);
      textNodes.push(n);
      parts.push(v);
      len += v.length;
      continue;
    }
    skipParent = ld = null;
    const kind = TAGS[careful ? tagOf(n) : (n as Element).localName];
    const el = n as Element;
    if (kind === undefined || kind === Tag.Block) keepIfTitled(el, out);
    if (kind === undefined) continue;
    if (kind === Tag.Block) {
      parts.push('\n');
      len++;
    } else if (kind === Tag.Link) {
      const href = attr(el, 'href');
      if (href && mayBeMarkOrPortal(href)) out.links.push({ el, href });
      keepIfTitled(el, out);
    } else if (kind === Tag.Frame) {
      const src = attr(el, 'src');
      if (src && mayBeMarkOrPortal(src)) out.frames.push({ el, href: src });
    } else if (kind === Tag.Mark) out.markEls.push(el);
    else if (kind === Tag.Query) out.queryEls.push(el);
    else {
      skipParent = el;
      if (kind === Tag.Script && /ld\+json/i.test(attr(el, 'type') ?? '')) out.jsonLd.push((ld = { el, text: '' }));
    }
  }
  out.text = parts.join('');
  out.visited = visited;
  return out;
}

/**
 * Keeps an element whose hover text (`title`, default read here) may hold licence text: a link, or any other shown
 * element (a licence icon's image, the shop name's span), never script or style.
 */
export function keepIfTitled(el: Element, out: PageScan, title = attr(el, 'title')): void {
  if (title && titleMayHoldLicence(title)) out.titled.push(el);
}

/** nodeValue of a text node (or its `data`), null for elements, without trusting either accessor. */
function carefulText(n: Node): string | null {
  const t = nodeTypeOf(n);
  if (t === ELEMENT_NODE) return null;
  if (t !== TEXT_NODE) return '';
  try {
    const v = n.nodeValue;
    if (typeof v === 'string') return v;
  } catch {
    // fall through to data
  }
  try {
    const d = (n as CharacterData).data;
    return typeof d === 'string' ? d : '';
  } catch {
    return '';
  }
}
