import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { AuditExport, EXPORT_FORMAT, type AuditRecord } from './record';

interface AuditDB extends DBSchema {
  records: { key: string; value: AuditRecord; indexes: { time: string; site: string } };
}

export const AUDIT_DB_NAME = 'xinbiao-audit';

/** Which records to list: every field optional, all must match. */
export interface RecordFilter {
  site?: string;
  outcome?: string;
  /** ISO dates (inclusive), compared on the record's day. */
  from?: string;
  to?: string;
}

/** The inspector's records in IndexedDB: they outlive browser restarts and extension updates (versioned schema). */
export class AuditStore {
  private constructor(private readonly db: IDBPDatabase<AuditDB>) {}

  static async open(): Promise<AuditStore> {
    const db = await openDB<AuditDB>(AUDIT_DB_NAME, 1, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          const s = d.createObjectStore('records', { keyPath: 'id' });
          s.createIndex('time', 'time');
          s.createIndex('site', 'site');
        }
      },
    });
    return new AuditStore(db);
  }

  put(record: AuditRecord): Promise<string> {
    return this.db.put('records', record);
  }

  get(id: string): Promise<AuditRecord | undefined> {
    return this.db.get('records', id);
  }

  /** Newest first. */
  async list(filter: RecordFilter = {}): Promise<AuditRecord[]> {
    const all = await this.db.getAllFromIndex('records', 'time');
    return all.reverse().filter((r) =>
      (!filter.site || r.site.includes(filter.site))
      && (!filter.outcome || r.findings.some((f) => f.outcome === filter.outcome))
      && (!filter.from || r.time.slice(0, 10) >= filter.from)
      && (!filter.to || r.time.slice(0, 10) <= filter.to));
  }

  async exportJson(filter: RecordFilter = {}): Promise<string> {
    const out: AuditExport = { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), records: await this.list(filter) };
    return JSON.stringify(out);
  }

  /** Validates the whole file before writing anything; same ids are replaced, so importing twice is harmless. */
  async importJson(text: string): Promise<number> {
    const parsed = AuditExport.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`not an audit export: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const tx = this.db.transaction('records', 'readwrite');
    await Promise.all([...parsed.data.records.map((r) => tx.store.put(r)), tx.done]);
    return parsed.data.records.length;
  }

  close(): void {
    this.db.close();
  }
}
