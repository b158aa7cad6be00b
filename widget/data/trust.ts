import { loadTrustList } from '../../core/trust/load';
import type { TrustList } from '../../core/trust/schema';
import { textFrom } from './fetch-text';

const verified = new Map<string, Promise<TrustList | undefined>>();

/** The verified trust list named by the element's `trust` and `trust-root` references (core/trust loadTrustList), or undefined when missing or invalid. */
export function loadTrust(trustRef: string | undefined, rootRef: string | undefined, now: number): Promise<TrustList | undefined> {
  if (!trustRef || !rootRef) return Promise.resolve(undefined);
  const key = `${trustRef} ${rootRef}`;
  let p = verified.get(key);
  if (!p) {
    p = loadTrustList((ref) => textFrom(ref), { trust: trustRef, root: rootRef }, now).then((r) => (r.ok ? r.trust : undefined));
    verified.set(key, p);
  }
  return p;
}
