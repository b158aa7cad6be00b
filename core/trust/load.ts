import { isPublicJwk } from '../crypto/ed25519';
import { failureText } from '../model/issue';
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
  | { ok: false; error: TrustLoadError; detail?: string };

/** zh + en for each trust-list failure, looked up where a person reads it (CLI, extension, release build). */
export const TRUST_ERROR_TEXT: Record<TrustLoadError, [zh: string, en: string]> = {
  unreadable: ['无法读取信任名单或根公钥', 'the trust list or the root key cannot be read'],
  'bad-root': ['根公钥不是 Ed25519 公钥（JWK）', 'the root key is not an Ed25519 public JWK'],
  malformed: ['信任名单格式错误', 'the trust list is malformed'],
  'wrong-root': ['信任名单不是由该根密钥签署的', 'the trust list is signed by another root key'],
  'bad-signature': ['信任名单的签名无法用根公钥核验', 'the trust list signature does not verify with the root key'],
  'not-yet-valid': ['信任名单的签发时间在未来', 'the trust list is issued in the future'],
  expired: ['信任名单已过期', 'the trust list has expired'],
};

/** The zh and en text of a failure with its detail appended. */
export const trustErrorText = (failure: { error: TrustLoadError; detail?: string }) => failureText(TRUST_ERROR_TEXT, failure);

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
    return { ok: false, error: 'unreadable', detail: String(err) };
  }
  return isPublicJwk(root) ? verifyTrustList(jws.trim(), root, now) : { ok: false, error: 'bad-root', detail: refs.root };
}
