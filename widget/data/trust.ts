import { isPublicJwk } from '../../core/crypto/ed25519';
import { verifyTrustList, type TrustList } from '../../core/trust';
import { textFrom } from './fetch-text';

const verified = new Map<string, Promise<TrustList | undefined>>();

/** The verified trust list named by the element's `trust` and `trust-root` references, or undefined when missing or invalid. */
export function loadTrust(trustRef: string | undefined, rootRef: string | undefined, now: number): Promise<TrustList | undefined> {
  if (!trustRef || !rootRef) return Promise.resolve(undefined);
  const key = `${trustRef} ${rootRef}`;
  let p = verified.get(key);
  if (!p) {
    p = Promise.all([textFrom(trustRef), textFrom(rootRef)]).then(async ([jws, rootText]) => {
      const root: unknown = JSON.parse(rootText);
      if (!isPublicJwk(root)) return undefined;
      const r = await verifyTrustList(jws.trim(), root, now);
      return r.ok ? r.trust : undefined;
    }).catch(() => undefined);
    verified.set(key, p);
  }
  return p;
}
