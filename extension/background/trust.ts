import { loadTrustList, trustErrorText, type TrustList } from '../../core/trust';
import { extensionUrl } from '../platform/url';

let loaded: Promise<TrustList> | undefined;

// Packaged files only: the trust list and its root key ship with the extension.
const readPackaged = (path: string) => fetch(extensionUrl(path)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${path}: HTTP ${r.status}`))));

async function load(): Promise<TrustList> {
  const result = await loadTrustList(readPackaged, { trust: '/trust/trust.jws', root: '/trust/root.public.jwk.json' }, Date.now());
  if (!result.ok) throw new Error(`bundled trust list refused: ${trustErrorText(result).join(' / ')}`);
  return result.trust;
}

/**
 * The trust list shipped with the extension, verified against its root key (core/trust loadTrustList); read once
 * per worker or page life. The background and the audit page both use this one.
 */
export function trustList(): Promise<TrustList> {
  loaded ??= load().catch((err) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}
