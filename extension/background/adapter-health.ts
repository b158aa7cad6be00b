import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { SITES, siteFor } from '../sites';
import { pageKindOf } from '../sites/page-kind';
import type { SiteAdapter, Way } from '../sites/define-site';
import { MAX_WAYS, waysOf } from '../runtime/misses';
import { openOnce } from './open-once';
import { HEALTH_CHANGED } from '../platform/protocol';
import { HealthRow, MAX_DATA_FILES, type AdapterDataRef, type AdapterMiss, type MissedWay } from '../platform/schemas';

/** At most this many distinct rows (adapter, page kind, value, ways, adapter data) are kept; the one missed longest ago goes first. */
export const HEALTH_MAX_ROWS = 200;
/** A row's count stops here: enough to tell a broken way from a rare one. */
export const HEALTH_MAX_COUNT = 1_000_000;
export const HEALTH_DB = 'xinbiao-health';
/** Version 2 added the adapter data in force to each row; version 1's rows cannot say it and are dropped on upgrade. */
const HEALTH_DB_VERSION = 2;

/** A row as stored: HealthRow plus its key (the ways and adapter data as text, so that others make another row). */
interface StoredRow extends HealthRow {
  key: string;
}

interface HealthDB extends DBSchema {
  misses: { key: string; value: StoredRow; indexes: { last: string } };
}

/** The adapter health table on the device: counts of pages that missed a value, per adapter, kind and ways. */
export interface AdapterHealth {
  /**
   * Counts one page's misses (one row per missed value, under the miss's adapter data), today as first/last day;
   * drops the stalest rows beyond the bound.
   */
  count(miss: AdapterMiss): Promise<void>;
  /** Every row, sorted by adapter, page kind, value, adapter data; rows another version wrote in another shape are left out. */
  rows(): Promise<HealthRow[]>;
  /** Empties the table (options page: 清除 and 清除数据). */
  clear(): Promise<void>;
  /** Closes the database (tests; the worker keeps it open). */
  close(): void;
}

export interface AdapterHealthOptions {
  /** Clock in ms (injected in tests); only its UTC day is kept. */
  now?: () => number;
  /** Most rows kept (default HEALTH_MAX_ROWS). */
  maxRows?: number;
  /** Called once a count or a clear is written (the worker tells open options pages to draw the table again). */
  onChange?: () => void;
}

const sameWays = (sent: readonly MissedWay[], own: readonly Way[]) =>
  sent.length === Math.min(own.length, MAX_WAYS) && sent.every((w, n) => w.i === n && w.from === own[n]!.from);
const waysKey = (ways: readonly MissedWay[]) => ways.map((w) => `${w.i}:${w.from}`).join(' ');
const dataKey = (data: readonly AdapterDataRef[]) => data.map((d) => `${d.publisher}/${d.id}@${d.version}`).join(' ');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Opens (creating on first use) the adapter health table in the given IndexedDB; rejects when it cannot be opened. */
export async function openAdapterHealth(idb: IDBFactory, options: AdapterHealthOptions = {}): Promise<AdapterHealth> {
  const now = options.now ?? Date.now;
  const max = options.maxRows ?? HEALTH_MAX_ROWS;
  const changed = () => options.onChange?.();
  const request = idb.open(HEALTH_DB, HEALTH_DB_VERSION);
  request.onupgradeneeded = (e) => {
    if (e.oldVersion < 1) request.result.createObjectStore('misses', { keyPath: 'key' }).createIndex('last', 'last');
    else request.transaction!.objectStore('misses').clear();
  };
  const db = (await wrap(request)) as unknown as IDBPDatabase<HealthDB>;

  return {
    async count(miss) {
      const today = day(now());
      const refs = miss.data.slice(0, MAX_DATA_FILES).map((d) => ({ id: d.id, publisher: d.publisher, version: d.version }));
      // One transaction per page: two tabs reporting at once cannot lose a count or overrun the bound.
      const tx = db.transaction('misses', 'readwrite');
      const written = new Set<string>();
      for (const { value, ways } of miss.misses) {
        const key = JSON.stringify([miss.site, miss.kind, value, waysKey(ways), dataKey(refs)]);
        const old = HealthRow.safeParse(await tx.store.get(key));
        const row: StoredRow = old.success
          ? { ...old.data, key, count: Math.min(old.data.count + 1, HEALTH_MAX_COUNT), last: today }
          : { key, site: miss.site, kind: miss.kind, value, ways: ways.map((w) => ({ i: w.i, from: w.from })), data: refs, count: 1, first: today, last: today };
        await tx.store.put(row);
        written.add(key);
      }
      let extra = (await tx.store.count()) - max;
      // The rows just counted stay; among the others, those missed longest ago go.
      for (let c = await tx.store.index('last').openCursor(); c && extra > 0; c = await c.continue()) {
        if (written.has(c.primaryKey)) continue;
        await c.delete();
        extra--;
      }
      await tx.done;
      changed();
    },
    async rows() {
      const all = await db.getAll('misses');
      return all
        .flatMap((raw) => {
          const r = HealthRow.safeParse(raw);
          return r.success ? [r.data] : [];
        })
        .sort((a, b) => `${a.site} ${a.kind} ${a.value}`.localeCompare(`${b.site} ${b.kind} ${b.value}`) || dataKey(a.data).localeCompare(dataKey(b.data)) || b.count - a.count);
    },
    async clear() {
      await db.clear('misses');
      changed();
    },
    close() {
      db.close();
    },
  };
}

/**
 * Checks a miss a content script reported against the frame address the browser gave (`sender.url`, not anything the
 * message says): the adapter must be the one for that address, the page kind the one its `kinds` data gives, each
 * value one that kind should show (the operator only where `kinds[kind].operator`), no value twice, and each value's
 * ways exactly the adapter's own list for it (index and `from`, as missOnPage sends them), and the adapter data it names
 * exactly `data`. `sites` are the adapters in force (the bundled ones, with signed adapter data laid over them), `data`
 * the files in force for the miss's adapter (dataInForce; empty = bundled). Returns the miss when it holds, else null
 * (nothing is counted).
 */
export function acceptMiss(miss: AdapterMiss, frameUrl: string | undefined, sites: readonly SiteAdapter[] = SITES, data: readonly AdapterDataRef[] = []): AdapterMiss | null {
  if (!frameUrl) return null;
  // Made with other adapter data than is in force now (a page loaded before a file came or went): it would be counted
  // under data it did not run with, and tell a maintainer that a fix missed when the fix never ran.
  if (dataKey(miss.data) !== dataKey(data)) return null;
  const site = sites.find((s) => s.id === miss.site);
  if (!site || siteFor(frameUrl, sites) !== site || pageKindOf(site, frameUrl) !== miss.kind) return null;
  const values = miss.misses.map((m) => m.value);
  if (new Set(values).size !== values.length) return null;
  if (values.includes('operator') && !site.kinds[miss.kind].operator) return null;
  // Exactly the adapter's own ways (all were tried): forged ways could make up to HEALTH_MAX_ROWS rows and evict the real ones.
  if (!miss.misses.every((m) => sameWays(m.ways, waysOf(site, m.value)))) return null;
  return miss;
}

/**
 * The copyable report (plain JSON text, 2-space indented): format name, extension version and per row the adapter
 * id, the adapter data in force (`"bundled"`, or the signed files laid over it: id, publisher id, version), page
 * kind, missed value, count and missed ways (`index:from`). Deliberately without days, addresses (not even a data
 * file's), shop names or anything a page showed.
 */
export function healthReport(rows: readonly HealthRow[], version: string): string {
  return JSON.stringify({
    report: 'xinbiao-adapter-health',
    extension: version,
    rows: rows.map((r) => ({
      adapter: r.site,
      adapterData: r.data.length ? r.data.map((d) => ({ id: d.id, publisher: d.publisher, version: d.version })) : 'bundled',
      kind: r.kind, value: r.value, count: r.count, missedWays: r.ways.map((w) => `${w.i}:${w.from}`),
    })),
  }, null, 2);
}

/** Tells open extension pages (the options page) that the table changed; no page open is no error. Carries nothing else. */
function healthChanged(): void {
  void Promise.resolve().then(() => browser.runtime.sendMessage(HEALTH_CHANGED)).catch(() => undefined);
}

/** The adapter health table in the extension's IndexedDB, opened once per worker; each change is told to open options pages. */
export const adapterHealth: () => Promise<AdapterHealth> = openOnce(() => openAdapterHealth(indexedDB, { onChange: healthChanged }));
