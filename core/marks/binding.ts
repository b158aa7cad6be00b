import type { MarkBinding } from './schema';

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** RFC 3986 §6.2.2 normalisation: decode escapes of unreserved characters, upper-case the rest (`%2f` → `%2F`). */
export function normalisePath(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * True when the page is the bound shop: the same origin (scheme, host and port) and a path inside the prefix.
 * The URL parser resolves dot segments (also `%2e`); the prefix ends in `/`, so `/shop/12/` never covers `/shop/123`.
 * The prefix without its final slash (`/shop/12`) counts too: that is the same shop's page.
 */
export function pageMatchesBinding(page: URL, bind: MarkBinding): boolean {
  if (page.origin !== bind.origin) return false;
  const path = normalisePath(page.pathname);
  const prefix = normalisePath(bind.path);
  return path.startsWith(prefix) || path === prefix.slice(0, -1);
}
