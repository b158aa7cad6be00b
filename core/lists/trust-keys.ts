import { findKey } from '../trust/find-key';
import type { TrustList } from '../trust/schema';
import type { KeyLookup } from './checks';

/** List publishers' keys from a verified trust list, checked (validity, revocation) at the given time. */
export function trustKeys(trust: TrustList, now: () => number = Date.now): KeyLookup {
  return (kid) => {
    const found = findKey(trust, kid, now());
    return 'error' in found ? { error: { code: found.error, message: found.error } } : { key: found.key };
  };
}
