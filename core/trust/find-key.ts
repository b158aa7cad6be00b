import type { Issuer, TrustKey, TrustList } from './schema';

export type KeyLookup =
  | { issuer: Issuer; key: TrustKey }
  | { error: 'unknown-key' | 'revoked' | 'not-yet-valid' | 'expired'; issuer?: Issuer; key?: TrustKey };

const ms = (t: Date | number | string) => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/**
 * Finds the key `kid` in the trust list and checks it at time `at` (Date, ms since epoch or ISO string).
 * Revocation wins over validity; a kid listed by two issuers is refused as unknown (ambiguous).
 * Used for shop marks and for list publishers' keys alike.
 */
export function findKey(trust: TrustList, kid: string, at: Date | number | string): KeyLookup {
  const t = ms(at);
  let found: { issuer: Issuer; key: TrustKey } | undefined;
  for (const issuer of trust.issuers) {
    for (const key of issuer.keys) {
      if (key.kid !== kid) continue;
      if (found) return { error: 'unknown-key' };
      found = { issuer, key };
    }
  }
  if (!found) return { error: 'unknown-key' };
  const revoked = found.issuer.revoked.find((r) => r.kid === kid);
  if (revoked && !(t < ms(revoked.at))) return { error: 'revoked', ...found };
  if (!(t >= ms(found.key.from))) return { error: 'not-yet-valid', ...found };
  if (!(t < ms(found.key.until))) return { error: 'expired', ...found };
  return found;
}

/** The issuer with this id, if the trust list names it. */
export function findIssuer(trust: TrustList, id: string): Issuer | undefined {
  return trust.issuers.find((i) => i.id === id);
}
