import { TEST_HOSTS, type SiteAdapter } from './define-site';

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** WebExtension match pattern test (scheme://host/path with `*`), the same rule the browser applies. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const hostOk = host === '*' || (host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host);
  if (!hostOk) return false;
  return new RegExp(`^${path.split('*').map(escape).join('.*')}$`).test(url.pathname + url.search);
}

/** The adapter for a page: one of its shop/item/licence pages, or its recorded-page path on a localhost test host. */
export function siteFor(href: string, sites: readonly SiteAdapter[]): SiteAdapter | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (TEST_HOSTS.includes(url.hostname)) return sites.find((s) => s.testPaths.some((p) => url.pathname.startsWith(p)));
  return sites.find((s) => s.pages.some((p) => matchesPattern(p, url)) && !s.exclude.some((p) => matchesPattern(p, url)));
}

/**
 * Where the content script is injected: every adapter's shop/item/licence pages and its recorded pages on the
 * localhost test hosts. A match pattern names no port and then matches every port (Chrome and Firefox alike),
 * so the fixture server may listen anywhere.
 */
export function contentMatches(sites: readonly SiteAdapter[]): string[] {
  const test = sites.flatMap((s) => s.testPaths.flatMap((p) => TEST_HOSTS.map((h) => `http://${h}${p}*`)));
  return [...new Set([...sites.flatMap((s) => s.pages), ...test])];
}

/** Pages inside contentMatches that never show one shop. */
export function contentExcludes(sites: readonly SiteAdapter[]): string[] {
  return [...new Set(sites.flatMap((s) => s.exclude))];
}

/** Host permissions: every platform's hosts and the localhost test hosts (the heavy part is injected there on demand). */
export function hostMatches(sites: readonly SiteAdapter[]): string[] {
  return [...new Set([...sites.flatMap((s) => s.matches), ...TEST_HOSTS.map((h) => `http://${h}/*`)])];
}
