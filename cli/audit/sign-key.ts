import { signBytes, verifyBytes, type PrivateJwk } from '../../core/crypto';
import { readPrivateKey } from '../commands/keys';
import { UsageError, both } from '../io';

/**
 * The `--sign-key` file as a private Ed25519 JWK with a kid whose `d` signs what its `x` verifies, checked before any
 * page is opened: a bad key found only when the folder is sealed would leave a whole run unsealed. Usage error otherwise.
 */
export async function signingKey(file: string): Promise<PrivateJwk> {
  let key: PrivateJwk;
  try { key = await readPrivateKey(file); } catch (err) { throw new UsageError(`--sign-key: ${(err as Error).message}`); }
  const probe = new TextEncoder().encode('xinbiao audit --sign-key');
  const works = await signBytes(key, probe).then((sig) => verifyBytes({ kty: 'OKP', crv: 'Ed25519', x: key.x }, probe, sig), () => false);
  if (!works) throw new UsageError(both(`--sign-key ${file}：私钥 d 与公钥 x 不配对，或不是有效密钥`, `--sign-key ${file}: its private d does not match its public x, or is not a valid key`));
  return key;
}
