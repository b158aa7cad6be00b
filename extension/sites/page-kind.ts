import { PAGE_KINDS, TEST_HOSTS, type PageKind, type SiteAdapter } from './define-site';
import { matchesPattern } from './match';

/**
 * The kind of an adapter's page from its address and the adapter's `kinds` data: the first kind (item, licence,
 * shop) one of whose match patterns holds; on the test hosts, the kind a recorded page's file name starts with under
 * one of the adapter's test paths (`/sites/jd/item-no-operator.html` → item). Null for an address of none of them.
 *
 * @param site the adapter that claims the page
 * @param href the page address (only its own address, never one the page names)
 */
export function pageKindOf(site: SiteAdapter, href: string): PageKind | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (TEST_HOSTS.includes(url.hostname)) {
    const prefix = site.testPaths.find((p) => url.pathname.startsWith(p));
    const file = prefix ? url.pathname.slice(prefix.length) : '';
    return PAGE_KINDS.find((k) => file.startsWith(k)) ?? null;
  }
  return PAGE_KINDS.find((k) => site.kinds[k].pages.some((p) => matchesPattern(p, url))) ?? null;
}
