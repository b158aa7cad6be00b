import { createHash } from 'node:crypto';
import type { Sha256Factory } from '../core/crypto';

/** Node's native SHA-256 for the list readers' digests (core's `sha256` port): the same bytes as core's, several times faster on a large list. */
export const nodeSha256: Sha256Factory = () => {
  const h = createHash('sha256');
  return { update: (data: Uint8Array) => h.update(data), digest: () => new Uint8Array(h.digest()) };
};
