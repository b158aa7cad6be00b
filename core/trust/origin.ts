/**
 * True when `origin` (as `new URL(…).origin` gives it) matches one of the issuer's origin patterns:
 * `scheme://host` matches the default port only, `scheme://host:port` that port, `scheme://host:*` any port.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    if (p.endsWith(':*')) {
      const base = p.slice(0, -2);
      return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
    }
    return origin === p;
  });
}
