import { normaliseName } from '../../core/lists';
import type { ListInfo, ListMatch, LocalLists } from '../../core/sources';
import type { Database } from './database';

// jsonb as text: the driver parses nothing, and a list's info (the same for all its rows) is parsed once (listInfoOf).
const MATCHES = `SELECT l.info::text, e.line::text FROM entries e JOIN lists l ON l.id = e.list_id AND l.version = e.version`;
const BY_USCC = `${MATCHES} WHERE e.uscc = $1 ORDER BY e.list_id, e.seq`;
const BY_NAME = `${MATCHES} WHERE e.name_key = $1 ORDER BY e.list_id, e.seq`;

/** Parsed list infos by their stored text; a few lists are in force, so more than this is stale versions piling up. */
const INFO_MEMO = 256;

/**
 * LocalLists answered from the service's database: only versions in force answer, in (list, line) order. Lookups
 * by code and by name run as prepared statements; each row carries its list's stored info, so a lookup never sees
 * a version another process has replaced (the join and the rows are one snapshot).
 */
export function databaseLists(db: Database): LocalLists {
  const infos = new Map<string, ListInfo>();
  const listInfoOf = (text: string): ListInfo => {
    let info = infos.get(text);
    if (!info) {
      const { keyId: _k, sha256: _s, ...list } = JSON.parse(text) as ListInfo & { keyId?: string; sha256?: string };
      if (infos.size >= INFO_MEMO) infos.clear();
      infos.set(text, (info = list));
    }
    return info;
  };
  const matches = async (name: string, sql: string, value: string): Promise<ListMatch[]> =>
    (await db.prepared(name, sql, [value])).map(([info, line]) => ({ list: listInfoOf(info!), line: JSON.parse(line!) as ListMatch['line'] }));
  return {
    byUscc: (uscc) => matches('xinbiao_by_uscc', BY_USCC, uscc.trim().toUpperCase()),
    byName: (name) => matches('xinbiao_by_name', BY_NAME, normaliseName(name)),
    lists: async () => (await db.query<{ info: ListInfo }>('SELECT info FROM lists ORDER BY id')).map((r) => r.info),
  };
}

/** Readiness: the database answers a trivial query. */
export const databaseReady = (db: Database) => async (): Promise<void> => {
  await db.query('SELECT 1');
};
