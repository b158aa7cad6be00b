import type { ListInfo, ListMatch, LocalLists } from '../sources/ports';
import { normaliseName } from './normalise-name';
import type { ListStore, StoredList } from './store';

const info = ({ keyId: _k, sha256: _s, ...list }: StoredList): ListInfo => list;

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
