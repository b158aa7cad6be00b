import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { toHex } from '../../core/crypto';
import { checkComplete, checkHeader, readSignature, type KeyLookup } from '../../core/lists';
import { ListError, toListError } from '../../core/lists';
import { normaliseName } from '../../core/lists';
import { ListParser, type ByteSource, type ListRecord } from '../../core/lists';
import type { ListHeader, ListSignature } from '../../core/lists';
import type { ListInfo } from '../../core/sources';
import { nodeSha256 } from '../node-sha256';
import type { Database, Queryable } from './database';

/** What an import did: a new version put in force, or the same version already there. */
export type DbImportResult =
  | { outcome: 'imported'; list: ListInfo & { keyId: string; sha256: string }; replaced?: number }
  | { outcome: 'unchanged'; list: { id: string; version: number } };

export interface DbImportOptions {
  /** Publisher keys (the trust list's keys through listKeys); unknown, revoked or wrong-role keys are refused. */
  keys: KeyLookup;
  /** Clock in ms for expiry checks and importedAt. */
  now?: () => number;
  /** Entries inserted per statement (default 5,000). */
  batchSize?: number;
}

/** Inserts entries of a staged version; `line` is the entry's place in the list (its line number in a list file). */
export async function insertBatch(tx: Queryable, id: string, version: number, batch: Pick<ListRecord, 'line' | 'entry'>[]): Promise<void> {
  // One JSON text of the rows, not four arrays: the embedded engine's driver writes array literals in JavaScript,
  // element by element, which cost a quarter of an import; JSON.stringify is native.
  await tx.query(
    `INSERT INTO entries (list_id, version, seq, uscc, name_key, line)
     SELECT $1, $2, (r->>0)::integer, r->>1, r->>2, r->3 FROM jsonb_array_elements($3::jsonb) AS r`,
    [id, version, JSON.stringify(batch.map((r) => [r.line, r.entry.uscc ?? null, normaliseName(r.entry.name), r.entry]))],
  );
}

/**
 * Takes the list id's lock for this transaction (imports of one list run one at a time, a first import too: the later
 * one sees what the first committed) and returns the version in force, if any. An older version than the one in
 * force is refused ('older-version'); the caller treats the same version as unchanged.
 */
export async function stageVersion(tx: Queryable, header: { id: string; version: number }): Promise<number | undefined> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [header.id]);
  const current = (await tx.query<{ version: number }>('SELECT version FROM lists WHERE id = $1', [header.id]))[0]?.version;
  if (current !== undefined && current > header.version) throw new ListError('older-version', `${header.version} < ${current}`, 1);
  return current;
}

/** What the lists table records of a list header (count, key and digest are the caller's). */
export const listInfo = (h: ListHeader, now: () => number) => ({
  id: h.id, name: h.name, kind: h.kind, publisher: h.publisher, version: h.version, issued: h.issued, expires: h.expires,
  importedAt: new Date(now()).toISOString(),
});

/** Puts the staged version in force in the same transaction: every other version's entries go, the list row is written. */
export async function putInForce(tx: Queryable, list: ListInfo & { keyId: string; sha256: string }, current: number | undefined): Promise<DbImportResult> {
  // Lookups rely on it (db/lists.ts): once this commits, the list's only rows are those of the version in force.
  await tx.query('DELETE FROM entries WHERE list_id = $1 AND version <> $2', [list.id, list.version]);
  await tx.query('INSERT INTO lists (id, version, info) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = $2, info = $3', [list.id, list.version, JSON.stringify(list)]);
  return current === undefined ? { outcome: 'imported', list } : { outcome: 'imported', list, replaced: current };
}

/**
 * Refreshes the planner's statistics of the tables once an import has committed a new version (both engines: the
 * embedded one has no autovacuum, and PostgreSQL's comes minutes later), so lookups are planned for the rows now
 * in force. The import stands whatever happens here: statistics only steer plans.
 */
export async function analyseAfterImport(db: Database, result: DbImportResult): Promise<DbImportResult> {
  if (result.outcome === 'imported') await db.query('ANALYZE entries, lists').catch(() => undefined);
  return result;
}

/**
 * Imports one signed list into the database with the guarantees of the extension's import (core/lists/import.ts),
 * through the same core checks: the header and its key, every line, the stated count and the signature over every
 * byte. The whole file is read inside one transaction that also puts the version in force and removes the old
 * one, so a refused, failed or interrupted import leaves the previous version answering; statistics are refreshed after. The same version again
 * is 'unchanged'; an older one is refused ('older-version'). Throws ListError (code, zh/en text).
 */
export async function importListToDb(db: Database, source: ByteSource, signature: ListSignature | string | Uint8Array, options: DbImportOptions): Promise<DbImportResult> {
  const now = options.now ?? Date.now;
  const sig = readSignature(signature);
  try {
    return await analyseAfterImport(db, await db.transaction(async (tx): Promise<DbImportResult> => {
      let current: number | undefined;
      let staged: { id: string; version: number } | undefined;
      const parser = new ListParser({
        batchSize: options.batchSize ?? 5_000,
        maxBadLines: 100,
        sha256: nodeSha256,
        onHeader: async (header) => {
          await checkHeader(header, sig, options.keys, now());
          current = await stageVersion(tx, header);
          if (current === header.version) return 'stop';
          staged = { id: header.id, version: header.version };
        },
      });
      for await (const batch of parser.batches(source)) await insertBatch(tx, staged!.id, staged!.version, batch);
      const summary = parser.summary();
      if (summary.stopped) return { outcome: 'unchanged', list: { id: summary.header.id, version: summary.header.version } };
      await checkComplete(summary, sig, await checkHeader(summary.header, sig, options.keys, now()));
      const h = summary.header;
      return putInForce(tx, { ...listInfo(h, now), count: summary.entries, keyId: h.keyId, sha256: toHex(summary.digest) }, current);
    }));
  } catch (err) {
    throw toListError(err);
  }
}

/** Imports `<file>` with its `<file>.sig` beside it; a missing .sig is 'bad-signature-file'. */
export async function importListFile(db: Database, file: string, options: DbImportOptions): Promise<DbImportResult> {
  const sig = await readFile(`${file}.sig`, 'utf8').catch(() => undefined);
  if (sig === undefined) throw new ListError('bad-signature-file', `${file}.sig`);
  return importListToDb(db, createReadStream(file), sig, options);
}
