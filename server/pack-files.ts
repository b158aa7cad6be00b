import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { ListError, packEntries, verifyManifest, type KeyLookup, type PackEntry, type PackFetch, type PackManifest } from '../core/lists';

/** A list file name that names a packed list's manifest (docs/list-format.md, "Packed lists"). */
export const isPackManifest = (file: string): boolean => file.endsWith('.pack.json');

/**
 * A PackFetch over a folder on disk: the files a manifest names, from its own folder only. A name that resolves
 * outside it (`..`) is 'bad-pack', although every byte is also checked against the signed digests; a missing file
 * is 'read-failed'.
 */
export function folderFetch(folder: string): PackFetch {
  const root = resolve(folder);
  return async (file) => {
    const path = resolve(root, file);
    if (!path.startsWith(root + sep)) throw new ListError('bad-pack', file);
    return readFile(path).catch(() => {
      throw new ListError('read-failed', file);
    });
  };
}

/** The list files and packed-list manifests of a folder listing, sorted (hidden files left out). */
export const listFilesIn = (names: string[]): string[] => names.filter((n) => (n.endsWith('.ndjson') || isPackManifest(n)) && !n.startsWith('.')).sort();

/**
 * Opens a packed list on disk (`ID.pack.json` with `.sig`, the files beside it): the manifest verified with the
 * publisher's key (signature, key, expiry) and its entries read from its own folder, each shard checked (packEntries).
 * Throws ListError: 'read-failed', 'bad-signature-file', or what verifyManifest refuses.
 */
export async function openPackFile(file: string, keys: KeyLookup, now: number): Promise<{ manifest: PackManifest; entries: () => AsyncGenerator<PackEntry[]> }> {
  const [bytes, sig] = await Promise.all([readFile(file).catch(() => undefined), readFile(`${file}.sig`).catch(() => undefined)]);
  if (bytes === undefined) throw new ListError('read-failed', file);
  if (sig === undefined) throw new ListError('bad-signature-file', `${file}.sig`);
  const manifest = await verifyManifest(bytes, sig, keys, now);
  return { manifest, entries: () => packEntries(manifest, folderFetch(dirname(file))) };
}
