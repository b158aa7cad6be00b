import { readFileSync } from 'node:fs';
import { isPublicJwk, signBytes, verifyBytes, type PrivateJwk } from '../../core/crypto';
import { UsageError, both, oneLine } from '../io';

/**
 * The `--sign-key` file as a private Ed25519 JWK with a kid whose `d` signs what its `x` verifies, checked before any
 * page is opened or file written: a bad key found only when the folder is sealed would leave a whole run unsealed.
 * Usage error (both languages, one line) otherwise.
 */
export async function signingKey(file: string): Promise<PrivateJwk> {
  let key: PrivateJwk;
  try { key = JSON.parse(readFileSync(file, 'utf8')) as PrivateJwk; } catch (err) {
    throw new UsageError(oneLine(both(`--sign-key 无法读取 ${file}：${(err as Error).message}`, `--sign-key cannot read ${file}: ${(err as Error).message}`)));
  }
  if (!isPublicJwk(key) || typeof key.d !== 'string' || typeof key.kid !== 'string' || key.kid === '') {
    throw new UsageError(both(`--sign-key ${file} 不是带 kid 的 Ed25519 私钥 JWK`, `--sign-key ${file} is not a private Ed25519 JWK with a kid`));
  }
  const probe = new TextEncoder().encode('xinbiao audit --sign-key');
  const works = await signBytes(key, probe).then((sig) => verifyBytes({ kty: 'OKP', crv: 'Ed25519', x: key.x }, probe, sig), () => false);
  if (!works) throw new UsageError(both(`--sign-key ${file}：私钥 d 与公钥 x 不配对，或不是有效密钥`, `--sign-key ${file}: its private d does not match its public x, or is not a valid key`));
  return key;
}
