import type { ListInfo, ListMatch, LocalLists } from '../sources/ports';
import { normaliseName } from './normalise-name';
import type { ListStore, StoredList } from './store';
import { staleSinceOf } from './timestamp';

// The port's view: what the list says plus, when a timestamp was ever seen, from when it is not known current.
const info = ({ keyId: _k, sha256: _s, rowsVersion: _r, freshUntil: _f, staleSince: _t, ...list }: StoredList): ListInfo => {
  const since = staleSinceOf({ freshUntil: _f, staleSince: _t });
  return since ? { ...list, staleSince: since } : list;
};

/** The LocalLists port over the IndexedDB store: only versions in force answer. */
export function idbLocalLists(store: ListStore): LocalLists {
  const toMatches = (rows: Awaited<ReturnType<ListStore['match']>>): ListMatch[] => rows.map(({ list, row }) => ({ list: info(list), line: row.line }));
  return {
    async byUscc(uscc) {
      return toMatches(await store.match('uscc', uscc.trim().toUpperCase()));
    },
    async byName(name) {
      const key = normaliseName(name);
      return key ? toMatches(await store.match('name', key)) : [];
    },
    async lists() {
      return (await store.lists()).map(info);
    },
  };
}
