// Where the badge goes beside the shop name: the nearest place that hides none of the page's text.

/** A rectangle in viewport CSS px. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept between the badge and the viewport's edges, and between the badge and text (CSS px). */
export const EDGE = 8;
const GAP = 2;
// How far from its natural place (right after the shop name) the badge may move: still read as the shop's.
const REACH_X = 420;
const REACH_Y = 240;
// Grid of the search: 4 px is finer than any line of text, and keeps a 1280 px page under ~20k candidates.
const STEP = 4;
// Line boxes around the name beyond which the search stops (the corner is used).
const MAX_TEXTS = 600;
// Nodes looked at for text around the name: a page cannot make placement slow with a flood of tiny elements.
const MAX_NODES = 20_000;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * The place nearest to `natural` (the badge's box right after the shop name) for a box of the same size that
 * overlaps none of `texts` (line boxes of the page's text, viewport px), lies inside the viewport's width and below
 * the document's top, and within REACH of where it would be. Pure geometry.
 *
 * @param natural the badge's box where the page's layout puts it
 * @param texts line boxes of the page's text around it (from `textBoxes`)
 * @param view the viewport's width and the document's top (`-scrollY`), CSS px
 * @returns the box's new top-left corner, or null when every place within reach hides some text
 */
export function freeSpot(natural: Box, texts: readonly Box[], view: { width: number; docTop: number }): { left: number; top: number } | null {
  const w = natural.right - natural.left;
  const h = natural.bottom - natural.top;
  const minX = Math.max(EDGE, natural.left - REACH_X);
  const maxX = Math.min(view.width - EDGE - w, natural.left + REACH_X);
  const minY = Math.max(view.docTop + EDGE, natural.top - REACH_Y);
  const maxY = natural.top + REACH_Y;
  const near = texts.filter((t) => overlaps(t, { left: minX, top: minY, right: maxX + w, bottom: maxY + h }, GAP));
  // A wall of text (or a page flooding the area with tiny lines) has no gap worth the search: the corner then.
  if (maxX < minX || near.length > MAX_TEXTS) return null;
  // A grid through the natural place, with the viewport's edges and the document's top added.
  const axis = (from: number, lo: number, hi: number) => {
    const out = [lo, hi];
    for (let v = from - Math.floor((from - lo) / STEP) * STEP; v <= hi; v += STEP) out.push(v);
    return out;
  };
  const xs = axis(natural.left, minX, maxX);
  const ys = axis(natural.top, minY, maxY);
  const candidates: { left: number; top: number; d: number }[] = [];
  for (const top of ys) for (const left of xs) candidates.push({ left, top, d: Math.hypot(left - natural.left, top - natural.top) });
  // Nearest first; the first free one wins (a tie keeps the upper, then the left one).
  candidates.sort((a, b) => a.d - b.d || a.top - b.top || a.left - b.left);
  for (const { left, top } of candidates) {
    const box = { left, top, right: left + w, bottom: top + h };
    if (!near.some((t) => overlaps(t, box, GAP))) return { left, top };
  }
  return null;
}

/**
 * Line boxes of the page's visible text within `region` (viewport px), skipping `skip` (our own host) and every
 * element whose box lies wholly outside the region (its text is drawn inside it, save for rare overflow). Looks at
 * most MAX_NODES nodes.
 */
export function textBoxes(region: Box, skip: Element): Box[] {
  const out: Box[] = [];
  const body = document.body ?? document.documentElement;
  const range = document.createRange();
  let seen = 0;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (++seen > MAX_NODES) return NodeFilter.FILTER_REJECT;
      if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = n as Element;
      if (el === skip || /^(script|style|noscript|template)$/.test(el.localName)) return NodeFilter.FILTER_REJECT;
      const r = el.getBoundingClientRect();
      // An empty box (display: contents, a collapsed wrapper of floats) may still hold text drawn elsewhere.
      if (r.width > 0 && r.height > 0 && !overlaps(r, region, 0)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue?.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0 && overlaps(r, region, 0)) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return out;
}

/**
 * Moves the badge box (`pos`, drawn right after the shop name) to the nearest place inside the viewport's width
 * that hides no page text, narrowing it to a narrow viewport. Returns false when there is no such place near the name.
 */
export function placeBeside(pos: HTMLElement, host: Element): boolean {
  pos.style.translate = '';
  pos.style.inlineSize = '';
  const width = document.documentElement.clientWidth;
  if (pos.getBoundingClientRect().width > width - 2 * EDGE) pos.style.inlineSize = `${Math.max(0, width - 2 * EDGE)}px`;
  const r = pos.getBoundingClientRect();
  const region = { left: 0, top: r.top - REACH_Y - EDGE, right: width, bottom: r.bottom + REACH_Y + EDGE };
  const spot = freeSpot(r, textBoxes(region, host), { width, docTop: -scrollY });
  if (!spot) return false;
  const dx = Math.round(spot.left - r.left), dy = Math.round(spot.top - r.top);
  if (dx || dy) pos.style.translate = `${dx}px ${dy}px`;
  return true;
}
