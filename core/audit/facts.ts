import { classifyLink, samrSerialCode } from '../detect/links';
import { CODE_LABEL, HOME_PATH, NAME_LABEL_ALONE, SHOP_PATH, SHOP_TEXT, LICENCE_LINK, NAME_LABEL, QUERY_TARGETS, STANDARD_POSITIONS, TEXT_CUES } from './cues';
import { cssPath } from './selector';
import type { Box, PageFacts, PageKind, ShownMark, ShownQueryWindow, ShownSubject, Spot } from './types';

/** The part of core/detect's result the audit uses (structural, so either side can grow). */
export interface DetectionLike {
  subjects: { uscc?: string; name?: string; source: string; sources?: string[]; confidence?: number; selector?: string }[];
}

export interface CollectOptions {
  url: string;
  /** Viewport of the browser that drew the page; without one the prominence rule asks for review. */
  viewport?: { width: number; height: number };
  /** Box of an element in document coordinates; given by a browser, absent in a DOM without layout. */
  measure?: (el: Element) => Box;
  /** Result of core/detect on the same document, when available. */
  detection?: DetectionLike;
  /** Forces the page kind instead of guessing it. */
  pageKind?: PageKind;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template']);
const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * Reads what the audit rules need from a page: marks, query windows, licence and identity cues, codes next to
 * licence labels, standard positions. Pure over the given document; boxes come from `measure` when given.
 */
export function collectPageFacts(doc: Document, options: CollectOptions): PageFacts {
  const spot = (el: Element, text?: string): Spot => {
    const s: Spot = { selector: cssPath(el) };
    if (text !== undefined) s.text = clip(text);
    if (options.measure) s.box = options.measure(el);
    return s;
  };
  const cues: Partial<Record<keyof typeof TEXT_CUES, Spot>> = {};
  const shownCodes: PageFacts['shownCodes'] = [];
  const named: ShownSubject[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const data = n.nodeValue ?? '';
    if (!el || SKIP.has(el.localName) || data.trim() === '') continue;
    for (const [key, re] of Object.entries(TEXT_CUES) as [keyof typeof TEXT_CUES, RegExp][]) {
      if (!cues[key] && re.test(data)) cues[key] = spot(el, data);
    }
    const around = (el.parentElement ?? el).textContent ?? '';
    if (/统一社会信用代码|注册号|信用代码/.test(data)) {
      for (const c of around.matchAll(CODE_LABEL)) {
        const code = c[2]!.toUpperCase();
        if (!shownCodes.some((s) => s.code === code)) shownCodes.push({ ...spot(el), code });
      }
    }
    const next = NAME_LABEL_ALONE.test(data) ? el.nextElementSibling?.textContent?.trim() : undefined;
    const name = next && next.length <= 60 ? [data, data, next] : NAME_LABEL.exec(data) ?? NAME_LABEL.exec(around);
    if (name && !named.some((s) => s.name === name[2])) named.push({ name: name[2]!, source: 'licence-text', selector: cssPath(el) });
  }

  const marks: ShownMark[] = [];
  for (const el of Array.from(doc.querySelectorAll('xinbiao-mark'))) {
    marks.push({ ...spot(el), kind: 'xinbiao', token: el.getAttribute('token') ?? '' });
  }
  const queryWindows: ShownQueryWindow[] = Array.from(doc.querySelectorAll('xinbiao-query')).map((el) => ({ ...spot(el), target: 'xinbiao-query' }));
  let licenceLink: Spot | undefined;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    let host = '';
    try { host = new URL(href, options.url).hostname; } catch { continue; }
    // Marks and seals are read as detection reads them; the audit keeps a SAMR serial's code even when its check
    // fails (detection drops it), since a failing code on a 亮照 link is itself a finding.
    const found = classifyLink(href);
    const markKind = found?.type === 'mark' ? found.kind : undefined;
    if (found?.type === 'mark' && markKind === 'samr') {
      const uscc = samrSerialCode(found.serial ?? '');
      marks.push({ ...spot(a, a.textContent ?? ''), kind: 'samr', href, ...(uscc ? { uscc } : {}) });
    } else if (markKind === 'knet' || markKind === 'cecdc' || markKind === 'szfw') {
      marks.push({ ...spot(a, a.textContent ?? ''), kind: 'other', href });
    } else if (!licenceLink && !a.closest('xinbiao-mark') && (LICENCE_LINK.test(href) || TEXT_CUES.licence.test(a.textContent ?? ''))) {
      licenceLink = spot(a, a.textContent ?? '');
    }
    const target = markKind ? undefined : QUERY_TARGETS.find((t) => t.href.test(host));
    if (target && !queryWindows.some((q) => q.target === target.id)) queryWindows.push({ ...spot(a, a.textContent ?? ''), target: target.id });
  }

  const subjects: ShownSubject[] = options.detection?.subjects.map((s) => ({ ...s })) ?? [];
  if (subjects.length === 0) {
    const first = named[0];
    const code = shownCodes[0];
    if (first || code) subjects.push({ ...(code ? { uscc: code.code } : {}), ...(first ? { name: first.name } : {}), source: 'licence-text', selector: first?.selector ?? code?.selector });
  }
  // The licence block is the element around the first labelled code (a <dl>, a table row's parent …).
  const codeEl = shownCodes[0] ? doc.querySelector(shownCodes[0].selector) : null;
  const block = codeEl ? spot(codeEl.parentElement && codeEl.parentElement !== doc.body ? codeEl.parentElement : codeEl, codeEl.parentElement?.textContent ?? '') : undefined;
  const licence = block ?? (cues.licence && named.length > 0 ? cues.licence : licenceLink);
  const standardPositions = STANDARD_POSITIONS.flatMap((sel) => Array.from(doc.querySelectorAll(sel))).map((el) => spot(el));
  const pageKind = options.pageKind ?? guessKind(doc, options.url, !!(licence || marks.length > 0 || cues.individualSeller), queryWindows.length > 0);
  const facts: PageFacts = {
    url: options.url,
    title: clip(doc.title ?? ''),
    viewport: options.viewport ?? { width: 0, height: 0 },
    subjects, marks, queryWindows, shownCodes, standardPositions, pageKind,
  };
  const savedFrom = savedFromUrl(doc);
  if (savedFrom) facts.savedFrom = savedFrom;
  if (licence) facts.licence = licence;
  for (const k of ['identityMark', 'creditLevel', 'selfDeclaration', 'riskWarning', 'individualSeller'] as const) if (cues[k]) facts[k] = cues[k];
  return facts;
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

const pathOf = (url: string) => { try { return new URL(url).pathname + new URL(url).search; } catch { return ''; } };

/** Shop signals win; then a homepage address (or its canonical one) or query windows; else another page. */
function guessKind(doc: Document, url: string, shopSignals: boolean, hasQuery: boolean): PageKind {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const paths = [pathOf(url), canonical ? pathOf(new URL(canonical, url).href) : ''].filter(Boolean);
  if (shopSignals) return 'shop';
  if (paths.some((p) => HOME_PATH.test(p.split('?')[0]!)) || hasQuery) return 'platform-home';
  if (paths.some((p) => SHOP_PATH.test(p)) || SHOP_TEXT.test(doc.body?.textContent ?? '')) return 'shop';
  return 'other';
}
