import type { AdapterWay } from '../../core/lists';

/** Where a site keeps the things the extension reads; CSS selectors, tried in order. */
export interface SiteSelectors {
  /** The shop name in the page header: the badge sits right after the first one found. */
  shopName: string[];
  /** Blocks that hold the operator's licence text (公示信息, 营业执照信息). */
  licenceBlock: string[];
  /** Elements whose `title` attribute carries the licence as hover text (JD item pages). */
  hoverTitle: string[];
  /** The platform's own licence (footer): subjects inside are the platform's, not the shop's. */
  platformBlock: string[];
  /** The part of the page a single-page app swaps when the shopper moves to another shop. */
  spaRoot?: string;
}

/**
 * One way to read a value from a page; an adapter lists several per value, tried in order until one yields, so a
 * redesign that breaks one way leaves the others. Content scripts run in an isolated world: page variables are out
 * of reach, but the text of `<script>` elements (state objects such as `pageConfig`, `TShop.Setup`, `_DATA_Detail`,
 * `window.__INIT_DATA`) is not.
 * - `script`: a regular expression over each inline script's text; group 1 is the value.
 * - `url`: a regular expression over the page address; group 1 is the value.
 * - `near`: the link that sits next to one of these controls (进入店铺, 进店逛逛, 关注店铺): a link to the same
 *   address inside the control's block, with text of its own.
 * - `selector`: the first element matching a CSS selector; its text (`own`: only its own text nodes, not its
 *   children's) or an attribute.
 * `pattern` (script, url: required; others optional) picks group 1 out of the raw value; `decode` undoes
 * percent-encoding (`uri`) or JSON string escapes (`json`). The shape is the adapter data file's (core/lists/adapters.ts),
 * so a signed file can carry the same ways (docs/adapter-data.md).
 */
export type Way = AdapterWay;

/** The ways an adapter reads the shop and its operator, each list tried in order (embedded data and structure first). */
export interface SiteWays {
  /** The shop's display name. */
  shopName: Way[];
  /** The platform's own id of the shop (for one shop, every way yields the same kind of id). */
  shopId: Way[];
  /** The operator's registered name where the platform embeds it in the page (1688's companyName). */
  operator: Way[];
}

/** The kinds of page an adapter claims, in the order their shapes are tried (a licence page may sit under the shop's host). */
export const PAGE_KINDS = ['item', 'licence', 'shop'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * One kind of page of a platform: its real addresses as match patterns, and whether such a page should show the
 * operator (its licence text or the platform's embedded company name) as well as the shop. On the test hosts a
 * recorded page is of this kind when its file name under a test path starts with the kind (`item-no-operator.html`).
 */
export interface PageKindShape {
  pages: string[];
  operator: boolean;
}

/** One supported platform, as data: the content script and detection read it, they never branch on an id. */
export interface SiteAdapter {
  id: string;
  name: { zh: string; en: string };
  /** The platform's hosts, as WebExtension match patterns: the manifest's host permissions. */
  matches: string[];
  /**
   * Shop, item and licence pages, as match patterns: the only pages the content script is injected into (and the
   * pages a single-page app of the platform may move to without a reload).
   */
  pages: string[];
  /** Pages inside `pages` that never show one shop (home, search, cart, login): the manifest's exclude_matches. */
  exclude: string[];
  /** Path prefixes of the recorded pages served on localhost for the demo and tests. */
  testPaths: string[];
  selectors: SiteSelectors;
  /** Several independent ways to the shop name, the shop id and the operator, tried before `selectors.shopName`. */
  ways: SiteWays;
  /**
   * The shop's licence page, from its id (`{id}` is replaced by the id, percent-encoded): where the shopper reads
   * the operator when the item page does not name it. Absent when the platform has none addressable by id.
   */
  licenceUrl?: string;
  /** Which claimed pages are item, licence and shop pages (adapter health counts a page that misses what its kind shows). */
  kinds: Record<PageKind, PageKindShape>;
}

/** Typed identity: adapters stay plain objects that anyone can read and edit. */
export function defineSite(site: SiteAdapter): SiteAdapter {
  return site;
}

/** Hosts the recorded pages are served on; a test path only counts there. */
export const TEST_HOSTS = ['127.0.0.1', 'localhost'];
