import type { PublicJwk } from '../crypto/ed25519';
import type { Issuer, TrustKey, TrustList } from './schema';

/**
 * What a key is needed for. A shop mark counts only with a `platform` (or `both`) issuer's key; a credit list only
 * with a `list-publisher` (or `both`) issuer's key, and an adapter data file only with an `adapter-publisher`
 * issuer's key (`both` does not cover it); a list or adapter data file only when that issuer's id is the file's
 * `publisher.id`.
 */
export type KeyNeed = { role: 'platform' } | { role: 'list-publisher' | 'adapter-publisher'; publisher: string };

/** Why no usable key was found: stable codes (trust-list.md); `wrong-role` and `publisher-mismatch` name a key used outside its role. */
export type KeyLookupError = 'unknown-key' | 'wrong-role' | 'publisher-mismatch' | 'revoked' | 'not-yet-valid' | 'expired';

export type KeyLookup =
  | { issuer: Issuer; key: TrustKey }
  | { error: KeyLookupError; issuer?: Issuer; key?: TrustKey };

/** Chinese first, English second, for each lookup error (shown by the CLI, the server log and the options page). */
export const KEY_ERROR_TEXT: Record<KeyLookupError, [zh: string, en: string]> = {
  'unknown-key': ['信任名单中没有该密钥', 'the key is not in the trust list'],
  'wrong-role': ['该密钥的签发者无权签署此类文件', "the key's issuer may not sign this kind of file"],
  'publisher-mismatch': ['名单声明的发布者与签名密钥的签发者不一致', "the list's stated publisher is not the key's issuer"],
  revoked: ['该密钥已被吊销', 'the key has been revoked'],
  'not-yet-valid': ['该密钥尚未生效', 'the key is not valid yet'],
  expired: ['该密钥已过有效期', 'the key is past its validity'],
};

const ms = (t: Date | number | string) => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/** The issuer kinds that may sign for a role. */
const ROLE_KINDS: Record<KeyNeed['role'], readonly Issuer['kind'][]> = {
  platform: ['platform', 'both'],
  'list-publisher': ['list-publisher', 'both'],
  // Adapter data steers what the content script reads on every platform page: a role of its own, never implied.
  'adapter-publisher': ['adapter-publisher'],
};

/**
 * The one key lookup of the kit: finds key `kid` in the trust list for `need` and checks it at time `at` (Date, ms
 * since the epoch or ISO string). Order: unknown (also a kid listed by two issuers: ambiguous) → wrong role →
 * publisher mismatch → revoked (wins over validity) → not yet valid → expired. Errors after the first carry the
 * issuer and key so callers can name them.
 */
export function findKey(trust: TrustList, kid: string, at: Date | number | string, need: KeyNeed): KeyLookup {
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
  if (!ROLE_KINDS[need.role].includes(found.issuer.kind)) return { error: 'wrong-role', ...found };
  if (need.role !== 'platform' && found.issuer.id !== need.publisher) return { error: 'publisher-mismatch', ...found };
  const revoked = found.issuer.revoked.find((r) => r.kid === kid);
  if (revoked && !(t < ms(revoked.at))) return { error: 'revoked', ...found };
  if (!(t >= ms(found.key.from))) return { error: 'not-yet-valid', ...found };
  if (!(t < ms(found.key.until))) return { error: 'expired', ...found };
  return found;
}

/** The answer of a list-key lookup (the shape of core/lists' KeyLookup port). */
export type ListKeyResult = { key: PublicJwk } | { error: { code: KeyLookupError; message: string } };

/**
 * List publishers' keys from a verified trust list, as the list importer's port: (key id, header's publisher id) →
 * key, checked for role, publisher, revocation and validity at `now()` (ms). Core, CLI, server and extension use it;
 * `role` 'adapter-publisher' gives the keys of adapter data files (core/lists/adapters.ts) instead.
 */
export function listKeys(trust: TrustList | (() => TrustList | Promise<TrustList>), now: () => number = Date.now, role: 'list-publisher' | 'adapter-publisher' = 'list-publisher') {
  return async (kid: string, publisher: string): Promise<ListKeyResult> => {
    const list = typeof trust === 'function' ? await trust() : trust;
    const found = findKey(list, kid, now(), { role, publisher });
    if ('error' in found) {
      const by = found.issuer ? ` (${found.issuer.id}, ${found.issuer.kind})` : '';
      return { error: { code: found.error, message: `key ${kid}${by}: ${KEY_ERROR_TEXT[found.error][1]}` } };
    }
    return { key: found.key };
  };
}

/** The issuer with this id, if the trust list names it. */
export function findIssuer(trust: TrustList, id: string): Issuer | undefined {
  return trust.issuers.find((i) => i.id === id);
}
