import type { ListInfo, ListMatch, LocalLists } from '../sources/ports';
import { normaliseName } from './normalise-name';
import { packInfo } from './pack-delta';
import { packReader } from './pack-import';
import type { ListStore, StoredList } from './store';
import { staleSinceOf } from './timestamp';

// The port's view: what the list says plus, when a timestamp was ever seen, from when it is not known current.
const info = ({ keyId: _k, sha256: _s, rowsVersion: _r, freshUntil: _f, staleSince: _t, ...list }: StoredList): ListInfo => {
  const since = staleSinceOf({ freshUntil: _f, staleSince: _t });
  return since ? { ...list, staleSince: since } : list;
};

export interface LocalListsOptions {
  /**
   * Fetches a packed list's shard by URL, on a filter hit only; the URL names a hash prefix shared by at least k
   * entries, never the code. Without it a pack that needs a shard makes the lookup fail (never a silent "not listed").
   */
  fetchShard?: (url: string) => Promise<Uint8Array>;
  /** Verified shards kept in memory per index of each pack (default PACK_SHARD_CACHE). */
  cacheShards?: number;
}

/**
 * The LocalLists port over the IndexedDB store: imported lists (versions in force) and packed lists. The records in
 * force and each pack's filters come from memory once read (ListStore.inForceRecords, packReader), so a code on no
 * packed list costs no database read; imported NDJSON lists are looked up in their IndexedDB index when any is in
 * force. A filter hit is answered only from a shard checked against the pack's digest table.
 */
export function idbLocalLists(store: ListStore, options: LocalListsOptions = {}): LocalLists {
  const toMatches = (rows: Awaited<ReturnType<ListStore['match']>>): ListMatch[] => rows.map(({ list, row }) => ({ list: info(list), line: row.line }));
  const fetchShard = options.fetchShard ?? ((url: string) => Promise.reject(new Error(`no shard fetch for ${url}`)));
  const readerOptions = options.cacheShards ? { cacheShards: options.cacheShards } : {};
  const lookup = async (index: 'uscc' | 'name', kind: 'byUscc' | 'byName', key: string, query: string): Promise<ListMatch[]> => {
    const { lists, packs } = await store.inForceRecords();
    const out = lists.length ? toMatches(await store.match(index, key)) : [];
    for (const pack of packs) {
      const reader = await packReader(store, pack, fetchShard, readerOptions);
      for (const line of await reader[kind](query)) out.push({ list: packInfo(pack), line });
    }
    return out;
  };
  return {
    byUscc(uscc) {
      const code = uscc.trim().toUpperCase();
      return lookup('uscc', 'byUscc', code, code);
    },
    async byName(name) {
      const key = normaliseName(name);
      return key ? lookup('name', 'byName', key, name) : [];
    },
    async lists() {
      return [...(await store.lists()).map(info), ...(await store.packs()).map(packInfo)];
    },
  };
}
