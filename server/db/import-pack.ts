import { toListError } from '../../core/lists';
import { isPackManifest, openPackFile } from '../pack-files';
import type { Database } from './database';
import { analyseAfterImport, importListFile, insertBatch, listInfo, putInForce, stageVersion, type DbImportOptions, type DbImportResult } from './import';

/**
 * Imports a packed list (`<id>.pack.json` with `.sig`, and the files beside it) into the database with the same
 * guarantees as a list file: the manifest's signature, key and expiry (core verifyManifest), every filter, digest
 * table and shard against the manifest (core packEntries), every entry against the schema and the stated count, and
 * the version swapped in one transaction, so a refused or failed import leaves the previous version answering.
 * The list's recorded digest is the NDJSON's it was packed from (`source.sha256`), the same as importing that file.
 * Throws ListError (code, zh/en text).
 */
export async function importPackFile(db: Database, file: string, options: DbImportOptions): Promise<DbImportResult> {
  const now = options.now ?? Date.now;
  try {
    const { manifest, entries } = await openPackFile(file, options.keys, now());
    const h = manifest.list;
    return await analyseAfterImport(db, await db.transaction(async (tx): Promise<DbImportResult> => {
      const current = await stageVersion(tx, h);
      if (current === h.version) return { outcome: 'unchanged', list: { id: h.id, version: h.version } };
      let count = 0;
      const size = options.batchSize ?? 5_000;
      for await (const shard of entries()) {
        for (let i = 0; i < shard.length; i += size) {
          await insertBatch(tx, h.id, h.version, shard.slice(i, i + size).map((entry, j) => ({ line: count + i + j + 1, entry })));
        }
        count += shard.length;
      }
      return putInForce(tx, { ...listInfo(h, now), count, keyId: h.keyId, sha256: manifest.source.sha256 }, current);
    }));
  } catch (err) {
    throw toListError(err);
  }
}

/** Imports a list file (`*.ndjson` with `.sig`) or a packed list (`*.pack.json` with `.sig`), by its name. */
export const importFile = (db: Database, file: string, options: DbImportOptions): Promise<DbImportResult> =>
  (isPackManifest(file) ? importPackFile : importListFile)(db, file, options);
