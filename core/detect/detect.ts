import { LICENCE_IMAGE_PATH } from '../data/marks';
import { normaliseCode, parseUscc } from '../identifiers';
import { ELEMENT_NODE, attr, manualSource, nodeTypeOf, selectAll, textOf } from './dom';
import { jsonLdOrganizations } from './json-ld';
import { bareCodes, copyrightNames, labelledFields, textCues, textMarks, type LabelledField, type TextMark } from './labels';
import { classifyLink, linkTarget } from './links';
import { claimedSubject } from './mark-token';
import { blockOf, closestLink, elementAt, insideAny, nodeTextAt, scanPage } from './page-text';
import type { PageScan } from './scan';
import { mergeCandidates, type Candidate } from './subjects';
import type { DetectOptions, DetectResult, DetectedCue, DetectedField, DetectedMark, DetectedQueryWindow, SiteDetectAdapter, SubjectSource } from './types';

/** Confidence of each kind of sighting (0–1); see docs/detection.md. */
export const CONFIDENCE = {
  mark: 0.95,
  samrLink: 0.9,
  adapterCode: 0.85,
  labelCode: 0.75,
  labelRegNo: 0.65,
  jsonLd: 0.6,
  adapterName: 0.6,
  labelName: 0.5,
  bareCode: 0.4,
  mismatch: 0.3,
  copyrightName: 0.2,
  withName: 0.05,
} as const;

// Fields further apart than this (characters of page text) belong to different subjects.
const GROUP_GAP = 160;

// An icon sits among a link's first few nodes: the search stops there, however many the link holds.
const ICON_REACH = 16;

/** What a person hovering a link reads: its own title (or alt), else the title of the icon inside it. */
function linkHover(el: Element): string | null {
  const own = attr(el, 'title') ?? attr(el, 'alt');
  if (own !== null) return own;
  try {
    const nodes = manualSource(el);
    for (let i = 0, n = nodes.next(); n && i < ICON_REACH; i++, n = nodes.next()) {
      const title = nodeTypeOf(n) === ELEMENT_NODE ? attr(n as Element, 'title') : null;
      if (title !== null) return title;
    }
  } catch {
    // a patched accessor: no icon
  }
  return null;
}

/**
 * Finds who runs the shop on a page: subjects (USCC and/or name, where each came from, the element, a
 * confidence), marks and seals, and credit-query windows. One walk over the DOM, no layout reads; safe on
 * hostile pages (never throws, returns page strings as plain text).
 *
 * @param root the page (a Document) or the part of it to look at (an Element)
 * @param options site adapters whose selectors apply to this page
 */
export function detect(root: Document | Element, options: DetectOptions = {}): DetectResult {
  return detectOn(root, options, scanPage(root, options.cues === true));
}

/** Detection over a scan already made (the quick read or the full walk give the same findings). */
export function detectOn(root: Document | Element, options: DetectOptions, page: PageScan): DetectResult {
  const adapters = resolveAdapters(root, options.adapters ?? []);
  const candidates: Candidate[] = [];
  const platformArea = (el: Element | null) => insideAny(el, adapters.platform, true);
  const add = (c: Omit<Candidate, 'platformArea'>) => candidates.push({ ...c, platformArea: platformArea(c.element) });

  const marks: DetectedMark[] = [];
  for (const el of page.markEls) {
    const token = attr(el, 'token');
    marks.push({ kind: 'xinbiao-mark', href: null, token, uscc: null, issuedAt: null, serial: null, variant: null, element: el });
    const claim = token ? claimedSubject(token) : null;
    if (claim) {
      const parsed = claim.uscc ? parseUscc(claim.uscc) : null;
      const ok = parsed?.checksum === 'ok' || parsed?.checksum === 'mismatch';
      add({ uscc: ok ? claim.uscc : null, regNo: null, name: claim.name, source: 'mark', confidence: CONFIDENCE.mark,
        checksum: ok ? (parsed!.checksum as 'ok' | 'mismatch') : 'n/a', label: null, element: el });
    }
  }

  const queryWindows: DetectedQueryWindow[] = [];
  const markLinks = new Set<Element>();
  const readLink = (el: Element, href: string, frame: boolean) => {
    const found = classifyLink(href, { text: frame ? '' : textOf(el, 200), hover: frame ? attr(el, 'title') : linkHover(el) });
    // Iframes count only as marks (a regional system draws its mark in one): never as query windows.
    if (!found || (frame && found.type !== 'mark')) return;
    if (found.type === 'query') {
      queryWindows.push({ kind: 'link', site: found.site.id, name: found.site.name, region: found.site.region, href, element: el });
      return;
    }
    markLinks.add(el);
    marks.push({ kind: found.kind, href, token: null, uscc: found.uscc, issuedAt: found.issuedAt, serial: found.serial, variant: found.variant, element: el });
    // A code an official licence link carries (SAMR serial, a regional system's code parameter), with the name its hover text gives.
    if (found.uscc || found.regNo) add({ uscc: found.uscc, regNo: found.regNo, name: found.name, source: 'samr-link', confidence: CONFIDENCE.samrLink, checksum: 'ok', label: null, element: el });
  };
  for (const { el, href } of page.links) readLink(el, href, false);
  for (const { el, href } of page.frames) readLink(el, href, true);
  const numbers = textMarks(page.text);
  addTextMarks(page, numbers, markLinks, marks);
  for (const el of page.queryEls) queryWindows.push({ kind: 'xinbiao-query', site: null, name: null, region: null, href: null, element: el });

  const fields = labelledFields(page.text, page.starts);
  for (const group of groupFields(fields)) {
    const first = group.code ?? group.name!;
    const el = elementAt(page, first.start);
    add(fromGroup(group, insideAny(el, adapters.licence, false) ? 'adapter' : 'label', el));
  }

  // Titles of links, of shown elements where the page's text is read, and wherever an adapter points.
  const hover = new Set(adapters.hover);
  for (const el of new Set([...hover, ...page.titled])) {
    const title = attr(el, 'title');
    if (!title) continue;
    const source = hover.has(el) ? 'adapter' : 'label';
    for (const group of groupFields(labelledFields(title))) add(fromGroup(group, source, el));
  }

  for (const { el, text } of page.jsonLd) {
    for (const org of jsonLdOrganizations(text)) {
      const code = org.code ? codeOf(org.code) : null;
      if (!code && !org.name) continue;
      add({ uscc: code?.uscc ?? null, regNo: null, name: org.name, source: 'json-ld',
        confidence: code?.checksum === 'mismatch' ? CONFIDENCE.mismatch : CONFIDENCE.jsonLd, checksum: code?.checksum ?? 'n/a', label: null, element: el });
    }
  }

  addBareCodes(page, fields, add);

  // A labelled name near a © is the label's: the copyright reader does not read it again.
  const named = new Set<number>(fields.filter((f) => f.field === 'name').map((f) => f.start));
  for (const n of copyrightNames(page.text, numbers)) {
    // On the copyright line itself: the name and its © word or number share their block element.
    const el = elementAt(page, n.start);
    const block = el && blockOf(el);
    const anchorEl = elementAt(page, n.anchor);
    if (named.has(n.start) || !block || !anchorEl || blockOf(anchorEl) !== block) continue;
    named.add(n.start);
    add({ uscc: null, regNo: null, name: n.name, source: 'copyright', confidence: CONFIDENCE.copyrightName, checksum: 'n/a', label: null, element: el });
  }
  joinCopyrightNames(candidates);

  return {
    subjects: mergeCandidates(candidates),
    marks,
    queryWindows,
    fields: fields.map((f): DetectedField => ({ field: f.field, label: f.label, value: f.value, kind: f.kind ?? null, checksum: f.checksum ?? 'n/a', element: elementAt(page, f.start) })),
    cues: options.cues ? cuesOf(page) : [],
    shopName: adapters.shopName.map((el) => clip(textOf(el, 400))).find(Boolean) ?? null,
  };
}

interface ResolvedAdapters {
  licence: Set<Element>;
  platform: Set<Element>;
  hover: Element[];
  shopName: Element[];
}

function resolveAdapters(root: Document | Element, adapters: readonly SiteDetectAdapter[]): ResolvedAdapters {
  const all = (pick: (a: SiteDetectAdapter) => readonly string[] | undefined) =>
    adapters.flatMap((a) => (pick(a) ?? []).flatMap((sel) => selectAll(root, sel)));
  return {
    licence: new Set(all((a) => a.licenceBlock)),
    platform: new Set(all((a) => a.platformBlock)),
    hover: all((a) => a.hoverTitle),
    shopName: all((a) => a.shopName),
  };
}

interface FieldGroup {
  code?: LabelledField;
  name?: LabelledField;
}

/** Pairs each labelled code with the nearest labelled name (closest pairs first, within GROUP_GAP); the rest stand alone. */
function groupFields(fields: LabelledField[]): FieldGroup[] {
  const codes = fields.filter((f) => f.field === 'code');
  const names = fields.filter((f) => f.field === 'name');
  const pairs: { code: LabelledField; name: LabelledField; gap: number }[] = [];
  // Fields come in text order and are short: only names starting near a code can be within the gap.
  const reach = GROUP_GAP + fields.reduce((m, f) => Math.max(m, f.end - f.start), 0);
  let first = 0;
  for (const code of codes) {
    while (first < names.length && names[first]!.start < code.start - reach) first++;
    for (let i = first; i < names.length && names[i]!.start <= code.end + GROUP_GAP; i++) {
      const name = names[i]!;
      const gap = name.start < code.start ? code.start - name.end : name.start - code.end;
      if (gap <= GROUP_GAP) pairs.push({ code, name, gap });
    }
  }
  pairs.sort((a, b) => a.gap - b.gap);
  const used = new Set<LabelledField>();
  const groups: FieldGroup[] = [];
  for (const p of pairs) {
    if (used.has(p.code) || used.has(p.name)) continue;
    used.add(p.code).add(p.name);
    groups.push({ code: p.code, name: p.name });
  }
  for (const f of fields) if (!used.has(f)) groups.push(f.field === 'code' ? { code: f } : { name: f });
  return groups;
}

function fromGroup(group: FieldGroup, source: SubjectSource, el: Element | null): Omit<Candidate, 'platformArea'> {
  const { code, name } = group;
  const adapter = source === 'adapter';
  let confidence: number = adapter ? CONFIDENCE.adapterName : CONFIDENCE.labelName;
  if (code?.checksum === 'mismatch') confidence = CONFIDENCE.mismatch;
  else if (code?.kind === 'uscc') confidence = (adapter ? CONFIDENCE.adapterCode : CONFIDENCE.labelCode) + (name ? CONFIDENCE.withName : 0);
  else if (code) confidence = CONFIDENCE.labelRegNo;
  return {
    uscc: code?.kind === 'uscc' ? code.value : null,
    regNo: code?.kind === 'regno15' ? code.value : null,
    name: name?.value ?? null,
    source,
    confidence,
    checksum: code?.checksum ?? 'n/a',
    label: code?.label ?? name?.label ?? null,
    element: el,
  };
}

/** Bare codes outside labelled values: only those whose check passes. */
function addBareCodes(page: PageScan, fields: LabelledField[], add: (c: Omit<Candidate, 'platformArea'>) => void): void {
  const labelled = fields.filter((f) => f.field === 'code');
  // Labelled codes in text order with the furthest end so far: one binary search per bare code.
  const reachEnd: number[] = [];
  for (const f of labelled) reachEnd.push(Math.max(f.end, reachEnd.at(-1) ?? -1));
  const inLabelled = (at: number) => {
    let lo = 0, hi = labelled.length - 1, last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (labelled[mid]!.start <= at) (last = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return last >= 0 && reachEnd[last]! > at;
  };
  for (const bare of bareCodes(page.text)) {
    if (inLabelled(bare.start)) continue;
    add({ uscc: bare.code, regNo: null, name: null, source: 'bare-code', confidence: CONFIDENCE.bareCode, checksum: 'ok', label: null, element: elementAt(page, bare.start) });
  }
}

/**
 * Filing numbers written as text: a plain-text mark (href null), or, inside a link to a picture, a `licence-image`
 * mark with that link. Numbers inside a link already read as a mark belong to it; each number counts once.
 */
function addTextMarks(page: PageScan, numbers: readonly TextMark[], markLinks: ReadonlySet<Element>, marks: DetectedMark[]): void {
  const seen = new Set<string>();
  for (const n of numbers) {
    const el = elementAt(page, n.start);
    if (!el) continue;
    const link = closestLink(el);
    if (link && markLinks.has(link)) continue;
    const href = link ? attr(link, 'href') : null;
    const image = href && LICENCE_IMAGE_PATH.test(linkTarget(href)?.pathname ?? '') ? href : null;
    const key = `${image ? 'licence-image' : n.kind} ${n.serial}`;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({ kind: image ? 'licence-image' : n.kind, href: image, token: null, uscc: null, issuedAt: null, serial: n.serial, variant: null, element: image ? link! : el });
  }
}

/**
 * A copyright-line name in the same block as one code a mark link or label gives without any name (the 亮照 link
 * beside `安彼迎网络（北京）有限公司`, the 红盾 icon beside `© 2020 清远市汇业科技有限公司`) names that code's
 * subject: it takes the code, so the two merge. A code some other source already names keeps that name.
 */
function joinCopyrightNames(candidates: Candidate[]): void {
  const codeKey = (c: Candidate) => c.uscc ?? c.regNo ?? '';
  const named = new Set(candidates.filter((c) => codeKey(c) && c.name).map(codeKey));
  const unnamed = candidates.filter((c) => codeKey(c) && !named.has(codeKey(c)) && c.element);
  if (unnamed.length === 0) return;
  for (const c of candidates) {
    if (c.source !== 'copyright' || !c.element) continue;
    const block = blockOf(c.element);
    if (!block) continue;
    const codes = new Map(unnamed.filter((u) => blockOf(u.element!) === block).map((u) => [codeKey(u), u]));
    if (codes.size !== 1) continue;
    const [u] = codes.values();
    c.uscc = u!.uscc;
    c.regNo = u!.regNo;
  }
}

function codeOf(raw: string): { uscc: string; checksum: 'ok' | 'mismatch' } | null {
  const r = parseUscc(normaliseCode(raw));
  return r.checksum === 'n/a' ? null : { uscc: r.code, checksum: r.checksum };
}

/** Where each cue word appears, with the text of its text node. */
function cuesOf(page: PageScan): DetectedCue[] {
  return textCues(page.text).map((c) => ({ kind: c.kind, word: c.word, text: clip(nodeTextAt(page, c.start)), element: elementAt(page, c.start) }));
}

const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
