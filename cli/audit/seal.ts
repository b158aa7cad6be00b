import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, MANIFEST_FILES, signManifest, type Manifest, type ManifestFile } from '../../core/audit';
import { sha256Hex } from '../../core/crypto';
import type { PrivateJwk } from '../../core/crypto';

/**
 * Every file under `dir` (recursively), `/`-separated relative paths, with SHA-256 and size. Symbolic links are not
 * followed: their paths (and any other entry that is neither file nor folder) go to `others` when given.
 */
export function hashFolder(dir: string, others?: string[]): ManifestFile[] {
  const out: ManifestFile[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) {
        const bytes = readFileSync(join(dir, path));
        out.push({ path, sha256: sha256Hex(bytes), size: bytes.length });
      } else others?.push(path);
    }
  };
  walk('');
  return out;
}

/**
 * Writes manifest.json over every other file of the folder and, with a key, manifest.jws (the manifest signed as a
 * compact JWS). A manifest.jws left from an earlier run is removed when there is no key, so it never vouches for
 * files it did not see.
 */
export async function sealFolder(dir: string, runId: string, createdAt: string, key?: PrivateJwk): Promise<Manifest> {
  for (const f of MANIFEST_FILES) rmSync(join(dir, f), { force: true });
  const manifest = buildManifest(runId, createdAt, hashFolder(dir));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (key) writeFileSync(join(dir, 'manifest.jws'), `${await signManifest(manifest, key)}\n`);
  return manifest;
}
