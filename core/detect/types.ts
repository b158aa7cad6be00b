import type { LinkMarkKind } from '../data/marks';
import type { CueKind } from './labels';

/**
 * Where a subject was found, from most to least trusted. `copyright` is a company name on a copyright line (or a
 * filing-number line): the weakest, it never outranks another source and never vouches for anything by itself.
 */
export type SubjectSource = 'mark' | 'samr-link' | 'adapter' | 'label' | 'json-ld' | 'bare-code' | 'copyright';

/** Order of trust: a lower rank wins when findings disagree. */
export const SOURCE_RANK: Record<SubjectSource, number> = {
  mark: 0, 'samr-link': 1, adapter: 2, label: 3, 'json-ld': 4, 'bare-code': 5, copyright: 6,
};

/** A shop operator (or the platform behind it) named on the page. */
export interface DetectedSubject {
  /** The 18-character 统一社会信用代码, upper case, when one was found (also when its check fails, see `checksum`). */
  uscc: string | null;
  /** A 15-digit 工商注册号 when the page shows that instead of a USCC. */
  regNo: string | null;
  /** The operator's registered name (企业名称 / 公司名称), as plain text. */
  name: string | null;
  /** The most trusted place it came from. */
  source: SubjectSource;
  /** Every place that named it, most trusted first. */
  sources: SubjectSource[];
  /** 0–1: how sure detection is that this is a subject shown on the page (not whether it is trustworthy). */
  confidence: number;
  /** Check of the code: 'ok', 'mismatch' (shown next to a label but failing its check) or 'n/a' (no code). */
  checksum: 'ok' | 'mismatch' | 'n/a';
  /** 'platform' for the platform's own licence (footer, platform block) when a shop's is also on the page. */
  role: 'shop' | 'platform';
  /** The label text that introduced the code or name, when there was one. */
  label: string | null;
  /** The element it came from. */
  element: Element | null;
}

/** A mark, seal or registration link on the page, or a filing number written as text. */
export type MarkKind = 'xinbiao-mark' | LinkMarkKind; // link marks: the table in core/data/marks

export interface DetectedMark {
  kind: MarkKind;
  /**
   * The link target (or a mark iframe's src), for link marks; null for a `<xinbiao-mark>` and for a number written
   * as plain text (京ICP证070791号, 京公网安备11010502025545号), which only says what the page claims.
   */
  href: string | null;
  /** The compact JWS of a `<xinbiao-mark>`; verify it with core/marks before trusting it. */
  token: string | null;
  /** USCC carried by a SAMR 亮照 link, only when its check passes. */
  uscc: string | null;
  /** Issue time of a SAMR 亮照 link (ISO 8601), from its serial's millisecond timestamp. */
  issuedAt: string | null;
  /** Serial, seal number or record number, when the link carries one; the number as written for text marks. */
  serial: string | null;
  /** SAMR links: 'national' (SAIC_SHOW_10000) or 'shanghai' (SAIC_SHOW_310000). */
  variant: 'national' | 'shanghai' | null;
  element: Element;
}

/** A credit-query window: a link to an official credit portal or a `<xinbiao-query>` element. */
export interface DetectedQueryWindow {
  kind: 'link' | 'xinbiao-query';
  /** Query site id from core/data/query-sites, or null for a `<xinbiao-query>`. */
  site: string | null;
  name: string | null;
  region: string | null;
  href: string | null;
  element: Element;
}

/**
 * What a site adapter contributes to detection: CSS selectors for parts of its platform's pages. Every field is
 * optional; detection works without any adapter.
 */
export interface SiteDetectAdapter {
  /** Adapter id, e.g. 'jd'. */
  id: string;
  /** The shop's licence block: labelled text inside it counts as the adapter's extraction. */
  licenceBlock?: readonly string[];
  /** Elements whose `title` attribute holds licence text (item-page hover titles). */
  hoverTitle?: readonly string[];
  /** The shop's display name on the platform (e.g. 店铺名称 in the shop header). */
  shopName?: readonly string[];
  /** The platform's own licence (footer): subjects inside are the platform's. */
  platformBlock?: readonly string[];
}

export interface DetectOptions {
  /** Site adapters whose selectors apply to this page (the caller picks them by host). */
  adapters?: readonly SiteDetectAdapter[];
  /**
   * Also report where the text cues of `TEXT_CUES` (labels.ts) appear. This reads all of the page's text (the
   * quick read skips text away from labels and codes), so only the audit asks for it.
   */
  cues?: boolean;
}

/** A labelled licence field in the page text (label, then value), whether or not its code passes the check. */
export interface DetectedField {
  field: 'code' | 'name';
  /** The label as written on the page (统一社会信用代码, 营业执照号码, 企业名称 …). */
  label: string;
  /** The code in upper case, or the name as plain text. */
  value: string;
  /** Codes only: a USCC or a 15-digit 注册号, and whether its check passes. */
  kind: 'uscc' | 'regno15' | null;
  checksum: 'ok' | 'mismatch' | 'n/a';
  /** The element holding the value. */
  element: Element | null;
}

/** A place where a cue word of `TEXT_CUES` appears in the page text. */
export interface DetectedCue {
  kind: CueKind;
  word: string;
  /** The text of the text node the word starts in (at most 200 characters, spaces collapsed), as plain text. */
  text: string;
  /** The element holding the word. */
  element: Element | null;
}

/** Everything detection found on a page. */
export interface DetectResult {
  /** Shop subjects first, then by trust and confidence. */
  subjects: DetectedSubject[];
  marks: DetectedMark[];
  queryWindows: DetectedQueryWindow[];
  /** Labelled codes and names in the page text, in page order (title attributes and JSON-LD are not fields). */
  fields: DetectedField[];
  /** Cue words in page order, at most 200; empty unless `DetectOptions.cues` was set. */
  cues: DetectedCue[];
  /** The shop's display name, when an adapter pointed at it. */
  shopName: string | null;
}
