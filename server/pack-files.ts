import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { ListError, type PackFetch } from '../core/lists';

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
