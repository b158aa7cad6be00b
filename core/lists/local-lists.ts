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
}

/** The LocalLists port over the IndexedDB store: imported lists (versions in force) and packed lists. */
export function idbLocalLists(store: ListStore, options: LocalListsOptions = {}): LocalLists {
  const toMatches = (rows: Awaited<ReturnType<ListStore['match']>>): ListMatch[] => rows.map(({ list, row }) => ({ list: info(list), line: row.line }));
  const fetchShard = options.fetchShard ?? ((url: string) => Promise.reject(new Error(`no shard fetch for ${url}`)));
  const fromPacks = async (kind: 'byUscc' | 'byName', query: string): Promise<ListMatch[]> => {
    const out: ListMatch[] = [];
    for (const pack of await store.packs()) {
      const reader = await packReader(store, pack, fetchShard);
      for (const line of await reader[kind](query)) out.push({ list: packInfo(pack), line });
    }
    return out;
  };
  return {
    async byUscc(uscc) {
      const code = uscc.trim().toUpperCase();
      return [...toMatches(await store.match('uscc', code)), ...(await fromPacks('byUscc', code))];
    },
    async byName(name) {
      const key = normaliseName(name);
      return key ? [...toMatches(await store.match('name', key)), ...(await fromPacks('byName', name))] : [];
    },
    async lists() {
      return [...(await store.lists()).map(info), ...(await store.packs()).map(packInfo)];
    },
  };
}
