import { querySiteByHost, type QuerySite } from '../data/query-sites';
import { isValidUscc } from '../identifiers';
import type { MarkKind } from './types';

/** Cheap test run on every link during the walk: only these can be marks, seals or credit portals. */
const HINT = /\.gov\.cn|knet\.cn|cecdc\.com|szfw\.org/i;

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
  | { type: 'mark'; kind: MarkKind; uscc: string | null; issuedAt: string | null; serial: string | null; variant: 'national' | 'shanghai' | null }
  | { type: 'query'; site: QuerySite };

const mark = (kind: MarkKind, serial: string | null = null): LinkFinding =>
  ({ type: 'mark', kind, uscc: null, issuedAt: null, serial, variant: null });

/** Classifies a link target as a mark, seal, registration link or query portal. */
export function classifyLink(href: string): LinkFinding | null {
  let url: URL;
  try {
    url = new URL(href.trim(), 'https://invalid.invalid/');
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (/\/businesscheck\/verifkey\.do$/i.test(path) && host.endsWith('.gov.cn')) return samrLink(url.searchParams.get('serial') ?? '');
  if (host.endsWith('sgs.gov.cn') && /\/lz\/licenseLink\.do$/i.test(path)) return mark('sgs-licence', url.searchParams.get('entyId'));
  if (host.endsWith('knet.cn') && /verifyseal/i.test(path)) return mark('knet', url.searchParams.get('sn'));
  const seal = /^\/(CX\d{20})\.html$/i.exec(path);
  if (seal && host === 'credit.cecdc.com') return mark('cecdc', seal[1]!);
  if (seal && host === 'credit.szfw.org') return mark('szfw', seal[1]!);
  if (host === 'beian.miit.gov.cn') return mark('icp');
  if (host.endsWith('beian.gov.cn') && /registerSystemInfo/i.test(path)) return mark('police-beian', url.searchParams.get('recordcode'));
  const site = querySiteByHost(host);
  return site ? { type: 'query', site } : null;
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
    uscc: head && isValidUscc(head) ? head : null,
    issuedAt: t >= EARLIEST && t < LATEST ? new Date(t).toISOString() : null,
    serial: serial || null,
    variant: dash < 0 ? null : tail.startsWith('310000') ? 'shanghai' : 'national',
  };
}
