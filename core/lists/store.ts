import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { ListInfo } from '../sources/ports';
import { ListError } from './errors';
import { normaliseName } from './normalise-name';
import type { ListRecord } from './parse';
import { lanesOf, type Lane, type Lanes } from './queue';
import type { PackDeltaManifest, PackManifest } from './pack';
import type { CreditLevelLine, ListLine } from './schema';

/** A list in force as stored: the port's ListInfo plus what proves which bytes it came from. */
export interface StoredList extends ListInfo {
  keyId: string;
  /** SHA-256 of the NDJSON file this state equals (after deltas: the file the last delta led to). */
  sha256: string;
  /** The version the entry rows are stored under, when deltas moved the list on without rewriting its rows. */
  rowsVersion?: number;
  /** Until when the last valid timestamp vouched that this edition is the current one (timestamp.ts). */
  freshUntil?: string;
  /** Issue time of the first timestamp that named a newer edition than this one. */
  staleSince?: string;
}

/** Which version's rows answer for a list. */
export const rowsOf = (list: StoredList): number => list.rowsVersion ?? list.version;

/** One entry row; rows of versions not in force (staging, leftovers) never answer a lookup. */
export interface StoredEntry {
  list: string;
  version: number;
  seq: number;
  uscc?: string;
  nameKey: string;
  line: ListLine | CreditLevelLine;
}

/** Subscription to a list URL (see subscriptions.ts); kept in the same database as the lists. */
export interface Subscription {
  url: string;
  listId?: string;
  /** Version of the last good import. */
  version?: number;
  lastCheck?: string;
  lastSuccess?: string;
  nextCheck: string;
  /** Consecutive failures; drives the backoff. */
  failures: number;
  lastError?: { code: string; zh: string; en: string };
}

/** A delta applied on top of a pack (pack-delta.ts): its verified manifest and the SHA-256 of its bytes as signed. */
export interface StoredPackDelta {
  manifest: PackDeltaManifest;
  sha256: string;
}

/**
 * A packed list in force (pack.ts): its verified manifest, the deltas applied since, in order, and what timestamps
 * said. The files every subscriber holds (filters, digest tables) live in the `packFiles` store, so listing packs
 * does not read megabytes of filters.
 */
export interface StoredPack {
  id: string;
  /** Manifest URL; shards and deltas are fetched next to it. */
  url: string;
  manifest: PackManifest;
  /** SHA-256 of the manifest bytes as signed. */
  sha256: string;
  deltas?: StoredPackDelta[];
  importedAt: string;
  /** As on StoredList (timestamp.ts). */
  freshUntil?: string;
  staleSince?: string;
}

/** The edition a pack answers as: the last delta's list header and NDJSON digest, else the manifest's. */
export function packEdition(pack: Pick<StoredPack, 'manifest' | 'deltas'>): { list: PackManifest['list']; sha256: string } {
  const last = pack.deltas?.at(-1)?.manifest ?? pack.manifest;
  return { list: last.list, sha256: last.source.sha256 };
}

/** One file of a pack (a filter or digest table of the pack or of one of its deltas), keyed by pack id and file name. */
export interface StoredPackFile {
  id: string;
  file: string;
  bytes: Uint8Array;
}

export interface ListDB extends DBSchema {
  lists: { key: string; value: StoredList };
  packs: { key: string; value: StoredPack };
  packFiles: { key: [string, string]; value: StoredPackFile };
  entries: { key: [string, number, number]; value: StoredEntry; indexes: { uscc: string; name: string } };
  staging: { key: [string, number]; value: { id: string; version: number; startedAt: string } };
  subscriptions: { key: string; value: Subscription };
}

export const LIST_DB_NAME = 'xinbiao-lists';
const DB_VERSION = 3;

/** Entry rows as written for a batch: the same shape the benchmark's bare-put floor writes. */
export function toRows(list: string, version: number, batch: ListRecord[]): StoredEntry[] {
  return batch.map(({ line, entry }) => ({ list, version, seq: line, ...(entry.uscc ? { uscc: entry.uscc } : {}), nameKey: normaliseName(entry.name), line: entry }));
}

/** The records that answer lookups: lists and packs in force (see ListStore.inForceRecords). */
export interface RecordsInForce {
  lists: StoredList[];
  packs: StoredPack[];
}

// Write counters by factory and database name: a write through any ListStore of a database in this realm makes every
// ListStore of it drop its records in memory. Other realms (pages) keep theirs until they open the store again.
const writeCounters = new WeakMap<object, Map<string, { n: number }>>();
function writeCounter(factory: object, name: string): { n: number } {
  let byName = writeCounters.get(factory);
  if (!byName) writeCounters.set(factory, (byName = new Map()));
  let counter = byName.get(name);
  if (!counter) byName.set(name, (counter = { n: 0 }));
  return counter;
}

export interface OpenOptions {
  name?: string;
  /** The IDBKeyRange that goes with the factory (fake-indexeddb's in Node); the global one by default. */
  keyRange?: typeof IDBKeyRange;
}

/** The IndexedDB behind local lists. The IDBFactory comes in as a parameter so core/ stays free of globals. */
export class ListStore {
  private records: { at: number; value: Promise<RecordsInForce> } | undefined;

  private constructor(readonly db: IDBPDatabase<ListDB>, private readonly keyRange: typeof IDBKeyRange, private readonly lanes: Lanes, private readonly writes: { n: number }) {}

  /**
   * The lists and packs in force, read from IndexedDB once and kept in memory, so a lookup that finds nothing costs
   * no database read. Any write of list or pack records through a ListStore of this database in this realm counts
   * once when it starts and once when it ends; a read that overlapped a write is never kept, so the records kept are
   * always those of a committed state. The caller must not change the records.
   */
  inForceRecords(): Promise<RecordsInForce> {
    const at = this.writes.n;
    if (this.records?.at === at) return this.records.value;
    const value = (async () => {
      const tx = this.db.transaction(['lists', 'packs'], 'readonly');
      const [lists, packs] = await Promise.all([tx.objectStore('lists').getAll(), tx.objectStore('packs').getAll()]);
      return { lists, packs };
    })();
    this.records = { at, value };
    value.then(
      () => {
        if (this.writes.n !== at && this.records?.value === value) this.records = undefined;
      },
      () => {
        if (this.records?.value === value) this.records = undefined;
      },
    );
    return value;
  }

  // Runs a write of list or pack records between two counts of the realm's write counter (see inForceRecords).
  private async writing<T>(task: () => Promise<T>): Promise<T> {
    this.writes.n++;
    try {
      return await task();
    } finally {
      this.writes.n++;
    }
  }

  /** Opens (and creates or migrates) the database. */
  static async open(idb: IDBFactory, options: OpenOptions = {}): Promise<ListStore> {
    const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
    const name = options.name ?? LIST_DB_NAME;
    const request = idb.open(name, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<ListDB>;
      if (event.oldVersion < 1) {
        db.createObjectStore('lists', { keyPath: 'id' });
        const entries = db.createObjectStore('entries', { keyPath: ['list', 'version', 'seq'] });
        entries.createIndex('uscc', 'uscc');
        entries.createIndex('name', 'nameKey');
        db.createObjectStore('staging', { keyPath: ['id', 'version'] });
        db.createObjectStore('subscriptions', { keyPath: 'url' });
      }
      if (event.oldVersion < 2) db.createObjectStore('packs', { keyPath: 'id' });
      if (event.oldVersion < 3) {
        db.createObjectStore('packFiles', { keyPath: ['id', 'file'] });
        // Version 2 kept the files inside each pack record: move them out, within the upgrade transaction.
        if (event.oldVersion === 2) {
          const files = request.transaction!.objectStore('packFiles');
          const packs = request.transaction!.objectStore('packs');
          packs.openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const { files: held, ...pack } = cursor.value as StoredPack & { files?: Record<string, Uint8Array> };
            for (const [file, bytes] of Object.entries(held ?? {})) void files.put({ id: pack.id, file, bytes });
            cursor.update(pack);
            cursor.continue();
          };
        }
      }
    };
    const db = (await wrap(request)) as unknown as IDBPDatabase<ListDB>;
    db.addEventListener('versionchange', () => db.close());
    return new ListStore(db, keyRange, lanesOf(idb, name), writeCounter(idb, name));
  }

  /**
   * Runs `task` once every task queued before it in the same lane of this database has ended (ok or not).
   * importList queues in 'import' (imports share one staging area), subscription updates in 'update'.
   */
  queue<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
    return this.lanes[lane](task);
  }

  // All rows of one (id, version): arrays sort after numbers, so [] closes a prefix range.
  private versionRange(id: string, version: number): IDBKeyRange {
    return this.keyRange.bound([id, version], [id, version, []]);
  }

  close(): void {
    this.db.close();
  }

  inForce(id: string): Promise<StoredList | undefined> {
    return this.db.get('lists', id);
  }

  lists(): Promise<StoredList[]> {
    return this.db.getAll('lists');
  }

  /** Drops rows of every interrupted import (a closed page, a crash); versions in force are never touched. */
  async cleanStaging(): Promise<void> {
    const tx = this.db.transaction(['staging', 'lists', 'entries'], 'readwrite');
    for (const s of await tx.objectStore('staging').getAll()) {
      const current = await tx.objectStore('lists').get(s.id);
      if (!current || rowsOf(current) !== s.version) await tx.objectStore('entries').delete(this.versionRange(s.id, s.version));
      await tx.objectStore('staging').delete([s.id, s.version]);
    }
    await tx.done;
  }

  /** Marks (id, version) as being staged, before its first row is written. */
  async beginStaging(id: string, version: number, now: number): Promise<void> {
    const tx = this.db.transaction(['staging', 'entries'], 'readwrite');
    await tx.objectStore('entries').delete(this.versionRange(id, version));
    await tx.objectStore('staging').put({ id, version, startedAt: new Date(now).toISOString() });
    await tx.done;
  }

  /** Writes one batch of staged rows in one transaction (relaxed: staging need not reach disk, the swap does). */
  async putRows(rows: StoredEntry[]): Promise<void> {
    const tx = this.db.transaction('entries', 'readwrite', { durability: 'relaxed' });
    const store = tx.store;
    for (const row of rows) void store.put(row);
    await tx.done;
  }

  /** Best-effort removal of a failed staging. */
  async dropStaging(id: string, version: number): Promise<void> {
    const tx = this.db.transaction(['staging', 'entries', 'lists'], 'readwrite');
    const current = await tx.objectStore('lists').get(id);
    if (!current || rowsOf(current) !== version) await tx.objectStore('entries').delete(this.versionRange(id, version));
    await tx.objectStore('staging').delete([id, version]);
    await tx.done;
  }

  /** The swap: one transaction makes the staged version the list in force and drops the old version's rows. */
  async commit(list: StoredList): Promise<{ replaced?: number }> {
    return this.writing(async () => {
      const tx = this.db.transaction(['lists', 'staging', 'entries'], 'readwrite', { durability: 'strict' });
      const old = await tx.objectStore('lists').get(list.id);
      if (old && old.version >= list.version) {
        tx.abort();
        throw Object.assign(new Error(`version ${old.version} is already in force`), { name: 'VersionRace' });
      }
      await tx.objectStore('lists').put(list);
      await tx.objectStore('staging').delete([list.id, list.version]);
      if (old) await tx.objectStore('entries').delete(this.versionRange(old.id, rowsOf(old)));
      await tx.done;
      return old ? { replaced: old.version } : {};
    });
  }

  /**
   * A delta's operations in one transaction: each `-` deletes one row of the version in force whose entry equals it
   * (none found: 'delta-mismatch', nothing changes), each `+` adds a row, then `next` replaces the list record.
   * Refuses (VersionRace) when the list in force is no longer `current`.
   */
  async applyOps(current: StoredList, next: StoredList, ops: Array<{ op: '+' | '-'; entry: ListLine | CreditLevelLine }>): Promise<void> {
    return this.writing(async () => {
      const tx = this.db.transaction(['lists', 'entries'], 'readwrite', { durability: 'strict' });
      tx.done.catch(() => {});
      const fail = (err: Error): never => {
        tx.abort();
        throw err;
      };
      const inForce = await tx.objectStore('lists').get(current.id);
      if (!inForce || inForce.version !== current.version || inForce.sha256 !== current.sha256) fail(Object.assign(new Error('the list in force changed'), { name: 'VersionRace' }));
      const rows = rowsOf(current);
      const entries = tx.objectStore('entries');
      const last = await entries.openCursor(this.versionRange(current.id, rows), 'prev');
      let seq = (last ? (last.primaryKey as [string, number, number])[2] : 1) + 1;
      for (const { op, entry } of ops) {
        if (op === '+') {
          await entries.put(toRows(current.id, rows, [{ line: seq++, entry }])[0]!);
          continue;
        }
        const text = JSON.stringify(entry);
        const candidates = entry.uscc ? await entries.index('uscc').getAll(entry.uscc) : await entries.index('name').getAll(normaliseName(entry.name));
        const row = candidates.find((r) => r.list === current.id && r.version === rows && JSON.stringify(r.line) === text);
        if (!row) fail(new ListError('delta-mismatch', `no entry to remove for ${entry.uscc ?? entry.name}`));
        await entries.delete([row!.list, row!.version, row!.seq]);
      }
      await tx.objectStore('lists').put(next);
      await tx.done;
    });
  }

  /** Reads and rewrites one list record in one transaction; `change` returns the new record (or none) and a result. */
  updateList<T>(id: string, change: (list: StoredList | undefined) => [StoredList | undefined, T]): Promise<T> {
    return this.rewrite('lists', id, change);
  }

  // One record of `lists` or `packs` read and rewritten in one transaction.
  private rewrite<S extends 'lists' | 'packs', T>(name: S, id: string, change: (record: ListDB[S]['value'] | undefined) => [ListDB[S]['value'] | undefined, T]): Promise<T> {
    return this.writing(async () => {
      const tx = this.db.transaction(name, 'readwrite');
      const [next, result] = change(await tx.store.get(id));
      if (next) await tx.store.put(next);
      await tx.done;
      return result;
    });
  }

  /** Rows by index key whose (list, version) is in force. */
  async match(index: 'uscc' | 'name', key: string): Promise<Array<{ list: StoredList; row: StoredEntry }>> {
    const tx = this.db.transaction(['lists', 'entries'], 'readonly');
    const [lists, rows] = await Promise.all([tx.objectStore('lists').getAll(), tx.objectStore('entries').index(index).getAll(key)]);
    const byId = new Map(lists.map((l) => [l.id, l]));
    return rows.flatMap((row) => {
      const list = byId.get(row.list);
      return list && rowsOf(list) === row.version ? [{ list, row }] : [];
    });
  }

  /** Row count of every version, staging included (for tests and diagnostics). */
  countRows(id: string, version?: number): Promise<number> {
    return this.db.count('entries', version === undefined ? this.keyRange.bound([id], [id, []]) : this.versionRange(id, version));
  }

  packs(): Promise<StoredPack[]> {
    return this.db.getAll('packs');
  }

  /** The pack in force with this id, if any (without its files). */
  pack(id: string): Promise<StoredPack | undefined> {
    return this.db.get('packs', id);
  }

  /** One stored file of a pack, if held. */
  async packFile(id: string, file: string): Promise<Uint8Array | undefined> {
    return (await this.db.get('packFiles', [id, file]))?.bytes;
  }

  /**
   * Puts a pack in force with its files in one transaction, dropping the files of the pack it replaces, unless one of
   * the same or a newer version is already in force (VersionRace).
   */
  async putPack(pack: StoredPack, files: Record<string, Uint8Array>): Promise<{ replaced?: number }> {
    return this.writing(async () => {
      const tx = this.db.transaction(['packs', 'packFiles'], 'readwrite', { durability: 'strict' });
      tx.done.catch(() => {});
      const old = await tx.objectStore('packs').get(pack.id);
      if (old && packEdition(old).list.version >= pack.manifest.list.version) {
        tx.abort();
        throw Object.assign(new Error(`version ${packEdition(old).list.version} is already in force`), { name: 'VersionRace' });
      }
      const store = tx.objectStore('packFiles');
      await store.delete(this.keyRange.bound([pack.id], [pack.id, []]));
      for (const [file, bytes] of Object.entries(files)) void store.put({ id: pack.id, file, bytes });
      await tx.objectStore('packs').put(pack);
      await tx.done;
      return old ? { replaced: packEdition(old).list.version } : {};
    });
  }

  /**
   * Appends a delta to the pack in force and stores its files in one transaction, provided the pack still answers as
   * the edition (`version`, NDJSON `sha256`) the delta was checked against; otherwise VersionRace and nothing changes.
   */
  async appendPackDelta(id: string, expected: { version: number; sha256: string }, delta: StoredPackDelta, files: Record<string, Uint8Array>): Promise<StoredPack> {
    return this.writing(async () => {
      const tx = this.db.transaction(['packs', 'packFiles'], 'readwrite', { durability: 'strict' });
      tx.done.catch(() => {});
      const pack = await tx.objectStore('packs').get(id);
      const edition = pack && packEdition(pack);
      if (!pack || edition!.list.version !== expected.version || edition!.sha256 !== expected.sha256) {
        tx.abort();
        throw Object.assign(new Error('the pack in force changed'), { name: 'VersionRace' });
      }
      for (const [file, bytes] of Object.entries(files)) void tx.objectStore('packFiles').put({ id, file, bytes });
      const next: StoredPack = { ...pack, deltas: [...(pack.deltas ?? []), delta] };
      await tx.objectStore('packs').put(next);
      await tx.done;
      return next;
    });
  }

  /** Reads and rewrites one pack record in one transaction, as updateList does for lists. */
  updatePack<T>(id: string, change: (pack: StoredPack | undefined) => [StoredPack | undefined, T]): Promise<T> {
    return this.rewrite('packs', id, change);
  }

  getSubscription(url: string): Promise<Subscription | undefined> {
    return this.db.get('subscriptions', url);
  }

  subscriptions(): Promise<Subscription[]> {
    return this.db.getAll('subscriptions');
  }

  async putSubscription(sub: Subscription): Promise<void> {
    await this.db.put('subscriptions', sub);
  }

  async deleteSubscription(url: string): Promise<void> {
    await this.db.delete('subscriptions', url);
  }
}
