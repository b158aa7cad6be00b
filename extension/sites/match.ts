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

/** The adapter for a page: its real patterns, or its recorded-page path on a localhost test host. */
export function siteFor(href: string, sites: readonly SiteAdapter[]): SiteAdapter | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (TEST_HOSTS.includes(url.hostname)) return sites.find((s) => s.testPaths.some((p) => url.pathname.startsWith(p)));
  return sites.find((s) => s.matches.some((p) => matchesPattern(p, url)));
}

/** Manifest match patterns for the content script: every platform, plus the localhost test hosts. */
export function contentMatches(sites: readonly SiteAdapter[]): string[] {
  return [...new Set([...sites.flatMap((s) => s.matches), ...TEST_HOSTS.map((h) => `http://${h}/*`)])];
}
