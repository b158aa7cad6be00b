import type { PageKind } from './types';

/** Paths that look like a platform homepage. */
export const HOME_PATH = /^\/(index\.html?)?$|\/home(page)?(\.html?)?$/;

/** Paths of a shop or item page. */
export const SHOP_PATH = /\/(shop|store|item|mall|detail)[\w-]*[/.]|[?&](shop|store)Id=/i;

const pathOf = (url: string) => { try { const u = new URL(url); return u.pathname + u.search; } catch { return ''; } };

/** What the page showed that tells its kind. */
export interface KindSignals {
  /** A licence, a mark or an individual seller's cue. */
  shop: boolean;
  /** A credit-query window. */
  query: boolean;
  /** Shop-page words (进入店铺, 加入购物车 …). */
  shopWords: boolean;
}

/**
 * The kind of page, which decides which rules apply: shop signals win; then a homepage address (the page's or its
 * canonical one) or query windows; then a shop path or shop words; else another page.
 */
export function guessKind(url: string, canonical: string | null, signals: KindSignals): PageKind {
  let canonicalPath = '';
  if (canonical) try { canonicalPath = pathOf(new URL(canonical, url).href); } catch { /* an unreadable canonical link tells nothing */ }
  const paths = [pathOf(url), canonicalPath].filter(Boolean);
  if (signals.shop) return 'shop';
  if (paths.some((p) => HOME_PATH.test(p.split('?')[0]!)) || signals.query) return 'platform-home';
  if (paths.some((p) => SHOP_PATH.test(p)) || signals.shopWords) return 'shop';
  return 'other';
}
