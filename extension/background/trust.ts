import { verifyTrustList, type TrustList } from '~~/core/trust';
import { isPublicJwk } from '~~/core/crypto';
import { extensionUrl } from '../platform/url';

let loaded: Promise<TrustList> | undefined;

async function load(): Promise<TrustList> {
  const get = (p: string) => fetch(extensionUrl(p));
  const [jws, root] = await Promise.all([get('/trust/trust.jws').then((r) => r.text()), get('/trust/root.public.jwk.json').then((r) => r.json())]);
  if (!isPublicJwk(root)) throw new Error('bundled root key is not an Ed25519 public JWK');
  const result = await verifyTrustList(jws.trim(), root, Date.now());
  if (!result.ok) throw new Error(`bundled trust list refused: ${result.message}`);
  return result.trust;
}

/** The trust list shipped with the extension, verified against its root key; read once per worker life. */
export function trustList(): Promise<TrustList> {
  loaded ??= load().catch((err) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}
