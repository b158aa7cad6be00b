import { MARK_HOST_HINTS, isMarkHost, markSpecFor, type LinkMarkKind, type MarkCategory, type MarkSpec } from '../data/marks';
import { querySiteByHost, type QuerySite } from '../data/query-sites';
import { isValidUscc, normaliseCode, parseRegNo15, parseUscc } from '../identifiers';
import { firstTextMark, labelledFields } from './labels';

/** Cheap test run on every link during the walk: only these can be marks, seals or credit portals (core/data/marks). */
// gov.cn only as a subdomain's suffix; other domains also bare (https://knet.cn) or after a copier's ../ or https@.
const HINT = new RegExp(MARK_HOST_HINTS.map((d) => `${d === 'gov.cn' ? '\\.' : '(?:^|[/.@])'}${d.replace(/\./g, '\\.')}`).join('|'), 'i');

export function mayBeMarkOrPortal(href: string): boolean {
  // Every hint has '.c' or '.o' in some case: most links (relative item links) have no such dot and skip the expression.
  for (let i = href.indexOf('.'); i >= 0; i = href.indexOf('.', i + 1)) {
    const c = href.charCodeAt(i + 1) | 0x20;
    if (c === 0x63 || c === 0x6f) return HINT.test(href);
  }
  return false;
}

/** What a link says about the page, without the element. */
export type LinkFinding =
  | {
    type: 'mark';
    kind: LinkMarkKind;
    category: MarkCategory;
    /** A USCC the link carries (SAMR serial, a regional system's code parameter), only when its check passes. */
    uscc: string | null;
    /** A 15-digit 注册号 the link carries (Guangdong 红盾 key), only when its check passes. */
    regNo: string | null;
    /** The operator's name from the link's hover text, where the system puts it there (企业名称：…). */
    name: string | null;
    issuedAt: string | null;
    serial: string | null;
    variant: 'national' | 'shanghai' | null;
  }
  | { type: 'query'; site: QuerySite };

/** What the page shows with a link: its text, and its title (or alt) hover text. */
export interface LinkContext {
  text?: string;
  hover?: string | null;
}

/**
 * Classifies a link target as a mark, seal, registration link or query portal, by the table in core/data/marks.
 * Links a website copier rewrote to relative paths (`../www.miitbeian.gov.cn/…`, `../https@credit.szfw.org/…`,
 * `?` saved as `@`) are read as the address they stand for, for mark hosts only.
 *
 * @param href the link target as written (absolute, protocol-relative or relative)
 * @param context the link's text (ICP numbers, telecom licences) and hover text (operator names)
 */
export function classifyLink(href: string, context: LinkContext = {}): LinkFinding | null {
  const url = parse(href);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const spec = markSpecFor(host, url.pathname);
  if (spec) return fromSpec(spec, url, context);
  const site = querySiteByHost(host);
  return site ? { type: 'query', site } : null;
}

/** The address a link stands for (a copier's relative mark link read as its absolute address), or null. */
export function linkTarget(href: string): URL | null {
  return parse(href);
}

function parse(href: string): URL | null {
  try {
    const url = new URL(href.trim(), 'https://invalid.invalid/');
    if (url.hostname !== 'invalid.invalid') return url;
    // A copier's relative path: the first segment (after any ../ and an http@ / https@ prefix) is the host.
    const m = /^\/(?:(https?)@)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#]*)?$/i.exec(url.pathname);
    if (!m || !isMarkHost(m[2]!)) return null;
    return new URL(`${m[1] ?? 'https'}://${m[2]}${(m[3] ?? '/').replace('@', '?')}`);
  } catch {
    return null;
  }
}

function fromSpec(spec: MarkSpec, url: URL, context: LinkContext): LinkFinding {
  if (spec.category === 'samr') return samrLink(url.searchParams.get('serial') ?? '');
  let serial: string | null = null;
  if (spec.serial && 'param' in spec.serial) serial = url.searchParams.get(spec.serial.param);
  else if (spec.serial) serial = new RegExp(spec.serial.path, 'i').exec(url.pathname)?.[1] ?? null;
  let kind = spec.id as LinkMarkKind;
  let category = spec.category;
  if (spec.category === 'icp') {
    const numbers = icpNumbers(context.text ?? '');
    serial = numbers.icp ?? numbers.telecom;
    // A link to the MIIT host that shows only the 增值电信业务经营许可证 is that licence, not the site's filing.
    if (!numbers.icp && numbers.telecom) (kind = 'telecom-licence'), (category = 'telecom-licence');
  }
  let uscc: string | null = null;
  let regNo: string | null = null;
  for (const p of spec.codeParams ?? []) {
    const code = normaliseCode(url.searchParams.get(p) ?? '');
    if (!uscc && code.length === 18 && parseUscc(code).valid) uscc = code;
    if (!regNo && code.length === 15 && parseRegNo15(code).valid) regNo = code;
  }
  const hover = spec.titleNamesOperator ? context.hover ?? '' : '';
  const name = hover ? labelledFields(hover).find((f) => f.field === 'name')?.value ?? null : null;
  return { type: 'mark', kind, category, uscc, regNo, name, issuedAt: null, serial: serial || null, variant: null };
}

/**
 * The numbers a link to the MIIT host shows: the site's ICP filing (京ICP备…号-n, or an ICP证 number) and a telecom
 * licence (粤B2-…), read as text numbers are (labels.ts TEXT_MARKS). `渝B2-20120028 | 渝ICP备10200070号-3` holds
 * both: the ICP number is the filing.
 */
export function icpNumbers(text: string): { icp: string | null; telecom: string | null } {
  return { icp: firstTextMark(text, 'icp'), telecom: firstTextMark(text, 'telecom-licence') };
}

/** The 18 characters a SAMR 亮照 serial starts with (`<code>-SAIC_SHOW_…`), checked or not; null for any other serial. */
export function samrSerialCode(serial: string): string | null {
  const dash = serial.indexOf('-SAIC_SHOW_');
  const head = dash >= 0 ? serial.slice(0, dash).trim().toUpperCase() : '';
  return /^[0-9A-Z]{18}$/.test(head) ? head : null;
}

const EARLIEST = Date.UTC(2015, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * A SAMR 电子营业执照亮照 serial: `<USCC>-SAIC_SHOW_10000<0><USCC><13-digit ms>`. The USCC counts only when its
 * check passes (older serials carry an internal id); Shanghai's serials read SAIC_SHOW_310000.
 */
export function samrLink(serial: string): LinkFinding {
  const dash = serial.indexOf('-SAIC_SHOW_');
  const head = samrSerialCode(serial);
  const tail = dash >= 0 ? serial.slice(dash + 11) : '';
  const ms = /(\d{13})$/.exec(tail);
  const t = ms ? Number(ms[1]) : NaN;
  return {
    type: 'mark',
    kind: 'samr',
    category: 'samr',
    uscc: head && isValidUscc(head) ? head : null,
    regNo: null,
    name: null,
    issuedAt: t >= EARLIEST && t < LATEST ? new Date(t).toISOString() : null,
    serial: serial || null,
    variant: dash < 0 ? null : tail.startsWith('310000') ? 'shanghai' : 'national',
  };
}
