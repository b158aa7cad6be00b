import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
// idb checks instanceof against the IndexedDB globals, so the in-memory implementation installs them.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { idbLocalLists, importList, ListStore } from '../../core/lists';
import type { LocalLists } from '../../core/sources';
import { loadTrustList, type TrustList } from '../../core/trust';
import { trustKeys } from '../../core/lists/trust-keys';

const SAMPLES = resolve(import.meta.dirname, '../../samples');

/** Where the audit gets its trust list and credit lists; the demo samples unless told otherwise. */
export interface ContextOptions {
  trust?: string;
  trustRoot?: string;
  lists?: string;
  now?: number;
}

/** The verified trust list and the credit lists the rules compare against. */
export interface AuditContext {
  trust: TrustList;
  lists: LocalLists;
  /** Lists that were refused (bad signature, unknown key, expired …), reported rather than silently used. */
  refused: { file: string; reason: string }[];
}

/** Verifies the trust list, then imports every signed list file of the folder into an in-memory store. */
export async function loadContext(options: ContextOptions = {}): Promise<AuditContext> {
  const now = options.now ?? Date.now();
  const refs = { trust: options.trust ?? join(SAMPLES, 'trust/trust.jws'), root: options.trustRoot ?? join(SAMPLES, 'keys/demo-root-2026.public.jwk.json') };
  const verified = await loadTrustList((path) => readFile(path, 'utf8'), refs, now);
  if (!verified.ok) throw new Error(`trust list refused: ${verified.error} (${verified.message})`);
  const trust = verified.trust;
  // In memory: the audit reads lists, it never keeps them.
  const store = await ListStore.open(new IDBFactory(), { keyRange: IDBKeyRange });
  const dir = options.lists ?? join(SAMPLES, 'lists');
  const refused: AuditContext['refused'] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort()) {
    try {
      const bytes = readFileSync(join(dir, file));
      const sig = readFileSync(join(dir, `${file}.sig`), 'utf8');
      await importList(store, [new Uint8Array(bytes)] as unknown as AsyncIterable<Uint8Array>, sig, {
        now: () => now,
        keys: trustKeys(trust, () => now),
      });
    } catch (err) {
      refused.push({ file, reason: (err as Error).message });
    }
  }
  return { trust, lists: idbLocalLists(store), refused };
}
