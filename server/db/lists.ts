import { normaliseName } from '../../core/lists';
import type { ListInfo, ListMatch, LocalLists } from '../../core/sources';
import type { Database } from './database';

const MATCHES = `SELECT l.info, e.line FROM entries e JOIN lists l ON l.id = e.list_id AND l.version = e.version`;

/** LocalLists answered from the service's database: only versions in force answer, in (list, line) order. */
export function databaseLists(db: Database): LocalLists {
  const matches = async (where: string, value: string): Promise<ListMatch[]> =>
    (await db.query<{ info: ListInfo & { keyId?: string; sha256?: string }; line: ListMatch['line'] }>(`${MATCHES} WHERE ${where} ORDER BY e.list_id, e.seq`, [value]))
      .map(({ info: { keyId: _k, sha256: _s, ...list }, line }) => ({ list, line }));
  return {
    byUscc: (uscc) => matches('e.uscc = $1', uscc.trim().toUpperCase()),
    byName: (name) => matches('e.name_key = $1', normaliseName(name)),
    lists: async () => (await db.query<{ info: ListInfo }>('SELECT info FROM lists ORDER BY id')).map((r) => r.info),
  };
}

/** Readiness: the database answers a trivial query. */
export const databaseReady = (db: Database) => async (): Promise<void> => {
  await db.query('SELECT 1');
};
