import type { PublicJwk } from '../../core/crypto';
import { loadTrustList } from '../../core/trust';
import type { TrustList } from '../../core/trust';
import { textFrom } from './fetch-text';

// The release widget's trust root, compiled in (widget/vite.config.ts from XINBIAO_TRUST_ROOT); null in the demo build,
// whose `trust-root` attribute names it instead.
declare const XINBIAO_TRUST_ROOT: PublicJwk | null | undefined;
const BUILT_ROOT = typeof XINBIAO_TRUST_ROOT == 'object' ? XINBIAO_TRUST_ROOT : null;
const BUILT_REF = ' built-in root';

const verified = new Map<string, Promise<TrustList | undefined>>();

/**
 * The verified trust list named by the element's `trust` reference, or undefined when missing or invalid. It is
 * verified against the compiled-in root of a release build; only the demo build reads the root from `trust-root`
 * (which the page itself gives, so it proves nothing about the page).
 */
export function loadTrust(trustRef: string | undefined, rootRef: string | undefined, now: number): Promise<TrustList | undefined> {
  if (!trustRef || !(BUILT_ROOT || rootRef)) return Promise.resolve(undefined);
  const key = `${trustRef} ${rootRef}`;
  let p = verified.get(key);
  if (!p) {
    // The compiled-in root is read through the same port as a reference the page cannot name.
    const read = (ref: string) => (ref === BUILT_REF ? Promise.resolve(JSON.stringify(BUILT_ROOT)) : textFrom(ref));
    p = loadTrustList(read, { trust: trustRef, root: BUILT_ROOT ? BUILT_REF : rootRef! }, now).then((r) => (r.ok ? r.trust : undefined));
    verified.set(key, p);
  }
  return p;
}
