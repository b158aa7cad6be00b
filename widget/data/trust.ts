import { isPublicJwk, type PublicJwk } from '../../core/crypto/ed25519';
import { verifyTrustList, type TrustList } from '../../core/trust';
import { textFrom } from './fetch-text';

// The release widget's trust root, compiled in (widget/vite.config.ts from XINBIAO_TRUST_ROOT); null in the demo build,
// whose `trust-root` attribute names it instead.
declare const XINBIAO_TRUST_ROOT: PublicJwk | null | undefined;
const BUILT_ROOT = typeof XINBIAO_TRUST_ROOT == 'object' ? XINBIAO_TRUST_ROOT : null;

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
    p = Promise.all([textFrom(trustRef), BUILT_ROOT || textFrom(rootRef!).then(JSON.parse)]).then(async ([jws, root]) => {
      if (!isPublicJwk(root)) return undefined;
      const r = await verifyTrustList(jws.trim(), root, now);
      return r.ok ? r.trust : undefined;
    }).catch(() => undefined);
    verified.set(key, p);
  }
  return p;
}
