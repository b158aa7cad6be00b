import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { identify } from '../../core/identifiers';
import { SHOP_ID } from '../sites/read';
import type { Finding } from '../platform/schemas';

/** How long a remembered operator counts: a shop changes hands rarely, but a month-old reading is re-read on the licence page. */
export const SHOP_MEMORY_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many shops are remembered; the oldest readings go first. */
export const SHOP_MEMORY_MAX = 5000;
export const SHOP_MEMORY_DB = 'xinbiao-shops';

/**
 * One shop's operator as read on a page of that shop: key (adapter id, the platform's shop id); the operator's
 * USCC and/or registered name; where it was read (the shop's licence page or another page of the shop, as host +
 * path without the query) and when (ms since the epoch).
 */
export interface RememberedOperator {
  site: string;
  id: string;
  uscc?: string;
  name?: string;
  kind: 'licence' | 'page';
  path: string;
  at: number;
}

/** What a page of the shop offers to remember, before the store decides (`at` is the store's clock). */
export type Reading = Omit<RememberedOperator, 'at'>;

// What IndexedDB gives back is parsed again: another version of the extension may have written it.
const Stored = z.object({
  site: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  id: z.string().check(z.regex(SHOP_ID)),
  uscc: z.optional(z.string().check(z.maxLength(18))),
  name: z.optional(z.string().check(z.maxLength(200))),
  kind: z.enum(['licence', 'page']),
  path: z.string().check(z.maxLength(500)),
  at: z.number(),
});

interface ShopDB extends DBSchema {
  shops: { key: [string, string]; value: RememberedOperator; indexes: { at: number } };
}

/** The shop memory: shop id → operator, on the device only. */
export interface ShopMemory {
  /** The shop's operator if one was read within the TTL; an expired entry is deleted and null returned. */
  recall(site: string, id: string): Promise<RememberedOperator | null>;
  /**
   * Stores a reading when it may replace what is kept (see `mayReplace`; a reading from another page of the shop never
   * replaces an unexpired licence-page reading, it may only add the code to the licence's own name); drops expired
   * entries and the oldest beyond the bound. Returns whether it was stored.
   */
  remember(reading: Reading): Promise<boolean>;
  /** Forgets every shop (options page, 清除数据). */
  clear(): Promise<void>;
  /** Shops kept now, expired ones not yet dropped included. */
  count(): Promise<number>;
  /** Closes the database (tests; the worker keeps it open). */
  close(): void;
}

export interface ShopMemoryOptions {
  /** Clock in ms (injected in tests). */
  now?: () => number;
  /** How long an entry counts, in ms (default SHOP_MEMORY_TTL_MS). */
  ttlMs?: number;
  /** Most entries kept (default SHOP_MEMORY_MAX). */
  max?: number;
}

/**
 * A reading may be stored when it carries a USCC that passes its check, or is the licence page's own name. A
 * name-only reading of the same operator keeps the code already known (the name alone cannot drop it).
 */
export function mayReplace(reading: Reading): boolean {
  const code = reading.uscc ? identify(reading.uscc) : null;
  if (reading.uscc && !(code?.kind === 'uscc' && code.valid)) return false;
  return !!reading.uscc || (reading.kind === 'licence' && !!reading.name);
}

/**
 * The operator a page of the shop names, for the memory: the first shop-role finding (the findings are shop-role
 * only, see runtime/findings.ts) with a USCC, else on the licence page a name read from its labelled licence text.
 * Claims of an unverified mark never count. Null when the page names none that may be kept.
 */
export function operatorReading(subjects: readonly Finding[], kind: Reading['kind']): Pick<Reading, 'uscc' | 'name'> | null {
  const usable = subjects.filter((s) => s.source !== 'mark' && s.source !== 'memory');
  const coded = usable.find((s) => s.uscc);
  if (coded) return { uscc: coded.uscc, ...(coded.name ? { name: coded.name } : {}) };
  const labelled = kind === 'licence' ? usable.find((s) => s.name && (s.source === 'label' || s.source === 'adapter')) : undefined;
  return labelled?.name ? { name: labelled.name } : null;
}

/** Opens (creating on first use) the shop memory in the given IndexedDB; rejects when the database cannot be opened. */
export async function openShopMemory(idb: IDBFactory, options: ShopMemoryOptions = {}): Promise<ShopMemory> {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? SHOP_MEMORY_TTL_MS;
  const max = options.max ?? SHOP_MEMORY_MAX;
  const request = idb.open(SHOP_MEMORY_DB, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore('shops', { keyPath: ['site', 'id'] });
    store.createIndex('at', 'at');
  };
  const db = (await wrap(request)) as unknown as IDBPDatabase<ShopDB>;

  // Oldest first (the `at` index): expired entries, then as many as exceed the bound.
  const prune = async () => {
    const tx = db.transaction('shops', 'readwrite');
    const cutoff = now() - ttl;
    let extra = (await tx.store.count()) - max;
    for (let c = await tx.store.index('at').openCursor(); c && (c.value.at <= cutoff || extra > 0); c = await c.continue()) {
      await c.delete();
      extra--;
    }
    await tx.done;
  };

  return {
    async recall(site, id) {
      const raw = await db.get('shops', [site, id]);
      const parsed = Stored.safeParse(raw);
      if (!parsed.success) return null;
      if (parsed.data.at <= now() - ttl) {
        await db.delete('shops', [site, id]);
        return null;
      }
      return parsed.data;
    },
    async remember(reading) {
      if (!mayReplace(reading) || !Stored.safeParse({ ...reading, at: 0 }).success) return false;
      const old = Stored.safeParse(await db.get('shops', [reading.site, reading.id]));
      // The platform writes the licence page, the shop its other pages: those may only add the code to the licence's name.
      const licence = old.success && old.data.kind === 'licence' && old.data.at > now() - ttl ? old.data : undefined;
      if (reading.kind === 'page' && licence && (licence.uscc || !reading.uscc || reading.name !== licence.name)) return false;
      const keepCode = !reading.uscc && old.success && old.data.uscc && old.data.name === reading.name;
      const entry: RememberedOperator = {
        site: reading.site, id: reading.id, kind: licence ? 'licence' : reading.kind, path: licence ? licence.path : reading.path, at: now(),
        ...(reading.uscc ? { uscc: reading.uscc } : keepCode ? { uscc: old.data!.uscc } : {}),
        ...(reading.name ? { name: reading.name } : {}),
      };
      await db.put('shops', entry);
      await prune();
      return true;
    },
    async clear() {
      await db.clear('shops');
    },
    count() {
      return db.count('shops');
    },
    close() {
      db.close();
    },
  };
}
