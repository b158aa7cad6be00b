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
}

/** Typed identity: adapters stay plain objects that anyone can read and edit. */
export function defineSite(site: SiteAdapter): SiteAdapter {
  return site;
}

/** Hosts the recorded pages are served on; a test path only counts there. */
export const TEST_HOSTS = ['127.0.0.1', 'localhost'];
