import { isPublicJwk } from '../crypto/ed25519';
import type { TrustList } from './schema';
import { verifyTrustList, type TrustError } from './verify';

/**
 * Reads the text a reference names: a file path in the CLI, a packaged URL in the extension, a URL or an inline
 * `#id` in the widget. Rejects when it cannot be read.
 */
export type ReadText = (ref: string) => Promise<string>;

/** Why a trust list could not be loaded: it or the root key could not be read (or the root is not JSON), the root key is no Ed25519 public JWK, or verifyTrustList refused it. */
export type TrustLoadError = 'unreadable' | 'bad-root' | TrustError;

export type TrustLoad =
  | { ok: true; trust: TrustList; rootKid: string }
  | { ok: false; error: TrustLoadError; message: string };

/**
 * The one trust loader: reads the signed trust list (`trust`) and the root public key (`root`, a JWK as JSON) with
 * the host's `readText` port and verifies the list against that root at `now` (verifyTrustList: signature, schema,
 * issued/expires window). The root check is never skipped: there is no way to get a list without a root key.
 * Never throws; every failure is named.
 */
export async function loadTrustList(readText: ReadText, refs: { trust: string; root: string }, now: Date | number): Promise<TrustLoad> {
  let jws: string;
  let root: unknown;
  try {
    [jws, root] = await Promise.all([readText(refs.trust), readText(refs.root).then(JSON.parse)]);
  } catch (err) {
    return { ok: false, error: 'unreadable', message: String(err) };
  }
  return isPublicJwk(root) ? verifyTrustList(jws.trim(), root, now) : { ok: false, error: 'bad-root', message: `${refs.root}: not an Ed25519 public JWK` };
}
