import { detect } from '../detect/detect';
import { ELEMENT_NODE, attr, nodeTypeOf, parentOf, selectAll, tagOf, textOf } from '../detect/dom';
import type { CueKind } from '../detect/labels';
import { samrSerialCode } from '../detect/links';
import { elementPath } from '../detect/serialise';
import type { DetectResult } from '../detect/types';
import { guessKind } from './page-kind';
import type { Box, PageFacts, PageKind, ShownMark, ShownQueryWindow, ShownSubject, Spot } from './types';

/** Standard licence positions, for the prominence rule: the shop header and the page footer. */
export const STANDARD_POSITIONS = ['header', 'footer', '[role="banner"]', '[role="contentinfo"]', '.shop-header', '#shop-header', '.footer', '#footer'];

export interface CollectOptions {
  /** Address of the page (a saved file's `file:` URL too). */
  url: string;
  /** Viewport of the browser that drew the page; without one (and boxes) the prominence rule asks for review. */
  viewport?: { width: number; height: number };
  /** Forces the page kind instead of guessing it. */
  pageKind?: PageKind;
}

const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
const MAX_DEPTH = 64;

/** The nearest ancestor (or the element itself) with one of these tags. */
function closestTag(el: Element | null, tags: readonly string[]): Element | null {
  let n: Node | null = el;
  for (let depth = 0; n && depth < MAX_DEPTH && nodeTypeOf(n) === ELEMENT_NODE; depth++, n = parentOf(n)) {
    if (tags.includes(tagOf(n))) return n as Element;
  }
  return null;
}

/**
 * Reads what the audit rules need from a page with ONE detection (`detect(doc, { cues: true })`): subjects,
 * marks, query windows, labelled codes and the rules' text cues all come from core/detect; this adds the page's
 * title, the address a saved page came from, the standard licence positions and the page kind. Elements are named
 * by core/detect's `elementPath`. No boxes: a browser measures `boxTargets(facts)` and hands them to `withBoxes`.
 */
export function collectPageFacts(doc: Document, options: CollectOptions): PageFacts {
  return factsFromDetection(doc, detect(doc, { cues: true }), options);
}

function factsFromDetection(doc: Document, found: DetectResult, options: CollectOptions): PageFacts {
  const spot = (el: Element, text?: string): Spot => (text === undefined ? { selector: elementPath(el) } : { selector: elementPath(el), text: clip(text) });

  // A name that only a copyright line gives is no licence display: rules and list lookups leave it out, as the badge does.
  const subjects: ShownSubject[] = found.subjects.filter((s) => s.role !== 'platform' && s.sources.some((x) => x !== 'copyright')).map((s) => ({
    ...(s.uscc ? { uscc: s.uscc } : {}),
    ...(s.name ? { name: s.name } : {}),
    source: s.source,
    sources: [...s.sources],
    confidence: s.confidence,
    ...(s.element ? { selector: elementPath(s.element) } : {}),
  }));

  const marks: ShownMark[] = [];
  let licenceLink: Spot | undefined;
  for (const m of found.marks) {
    if (m.kind === 'xinbiao-mark') marks.push({ ...spot(m.element), kind: 'xinbiao', token: m.token ?? '' });
    else if (m.kind === 'samr') {
      // The audit keeps a 亮照 serial's code even when its check fails (detection drops it): that is itself a finding.
      const uscc = samrSerialCode(m.serial ?? '');
      marks.push({ ...spot(m.element, textOf(m.element, 400)), kind: 'samr', href: m.href ?? '', ...(uscc ? { uscc } : {}) });
    } else if (m.kind === 'knet' || m.kind === 'cecdc' || m.kind === 'szfw') {
      marks.push({ ...spot(m.element, textOf(m.element, 400)), kind: 'other', href: m.href ?? '' });
    } else if (m.kind === 'sgs-licence' && !licenceLink) licenceLink = spot(m.element, textOf(m.element, 400));
  }

  const queryWindows: ShownQueryWindow[] = [];
  for (const q of found.queryWindows) {
    const target = q.site ?? 'xinbiao-query';
    if (!queryWindows.some((w) => w.target === target)) queryWindows.push({ ...spot(q.element, q.kind === 'link' ? textOf(q.element, 400) : undefined), target });
  }

  const shownCodes: PageFacts['shownCodes'] = [];
  for (const f of found.fields) {
    if (f.field === 'code' && f.kind === 'uscc' && f.element && !shownCodes.some((c) => c.code === f.value)) shownCodes.push({ ...spot(f.element), code: f.value });
  }

  const cues: Partial<Record<CueKind, Spot>> = {};
  for (const c of found.cues) {
    if (!c.element) continue;
    cues[c.kind] ??= spot(c.element, c.text);
    // A link that says 营业执照 / 亮照 leads to the licence, unless it is part of a XinBiao mark.
    if (c.kind === 'licence' && !licenceLink && !closestTag(c.element, ['xinbiao-mark'])) {
      const a = closestTag(c.element, ['a']);
      if (a) licenceLink = spot(a, textOf(a, 400));
    }
  }

  // The licence block is the element around the first labelled code (a <dl>, a table row's parent …).
  const firstCode = found.fields.find((f) => f.field === 'code' && f.element)?.element ?? null;
  const around = firstCode ? parentOf(firstCode) : null;
  const blockEl = around && nodeTypeOf(around) === ELEMENT_NODE && !['body', 'html'].includes(tagOf(around)) ? (around as Element) : firstCode;
  const block = blockEl ? spot(blockEl, textOf(blockEl, 400)) : undefined;
  const named = found.fields.some((f) => f.field === 'name');
  const licence = block ?? (cues.licence && named ? cues.licence : licenceLink);

  const standardPositions = [...new Set(STANDARD_POSITIONS.flatMap((sel) => selectAll(doc, sel)))].map((el) => spot(el));
  const canonical = selectAll(doc, 'link[rel="canonical"]', 1)[0];
  const pageKind = options.pageKind ?? guessKind(options.url, canonical ? attr(canonical, 'href') : null, {
    shop: !!(licence || marks.length > 0 || cues.individualSeller), query: queryWindows.length > 0, shopWords: !!cues.shopPage,
  });
  const facts: PageFacts = {
    url: options.url,
    title: clip(titleOf(doc)),
    viewport: options.viewport ?? { width: 0, height: 0 },
    subjects, marks, queryWindows, shownCodes, standardPositions, pageKind,
  };
  const savedFrom = savedFromUrl(doc);
  if (savedFrom) facts.savedFrom = savedFrom;
  if (licence) facts.licence = licence;
  for (const k of ['identityMark', 'creditLevel', 'selfDeclaration', 'riskWarning', 'individualSeller'] as const) if (cues[k]) facts[k] = cues[k];
  return facts;
}

/** Selectors of the elements the prominence rule places: the licence, the marks and the standard positions. */
export function boxTargets(facts: PageFacts): string[] {
  return [...new Set([facts.licence, ...facts.marks, ...facts.standardPositions].filter((s): s is Spot => !!s).map((s) => s.selector))];
}

/**
 * The facts with the boxes a browser measured for `boxTargets(facts)` (same order). An element the browser did not
 * find gets an empty box: it is not visible there.
 */
export function withBoxes(facts: PageFacts, selectors: readonly string[], boxes: readonly (Box | null)[]): PageFacts {
  const byId = new Map(selectors.map((s, i) => [s, boxes[i] ?? null]));
  const boxed = <T extends Spot>(s: T): T => (byId.has(s.selector) ? { ...s, box: byId.get(s.selector) ?? { x: 0, y: 0, width: 0, height: 0 } } : s);
  return {
    ...facts,
    ...(facts.licence ? { licence: boxed(facts.licence) } : {}),
    marks: facts.marks.map(boxed),
    standardPositions: facts.standardPositions.map(boxed),
  };
}

function titleOf(doc: Document): string {
  try {
    const t = doc.title;
    return typeof t === 'string' ? t : '';
  } catch {
    return '';
  }
}

/** Browsers put `<!-- saved from url=(0042)https://… -->` before <html> when they save a page. */
function savedFromUrl(doc: Document): string | undefined {
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType !== 8) continue; // Comment
    const m = /saved from url=\(\d+\)(\S+)/.exec(node.nodeValue ?? '');
    if (m && /^https?:\/\//.test(m[1]!)) return m[1]!;
  }
  return undefined;
}
