import { normaliseName } from '../../core/lists';
import type { ListInfo, ListMatch, LocalLists } from '../../core/sources';
import type { Database } from './database';

// Only versions in force have rows: an import deletes every other version of its list in the transaction that puts
// its own in force (db/import.ts). So a lookup reads entries alone, and each row names the version it belongs to.
const MATCHES = `SELECT list_id, version::text, line::text FROM entries`;
const BY_USCC = `${MATCHES} WHERE uscc = $1 ORDER BY list_id, seq`;
const BY_NAME = `${MATCHES} WHERE name_key = $1 ORDER BY list_id, seq`;
const IN_FORCE = 'SELECT id, version::text, info::text FROM lists';

/** A lookup whose rows name versions the lists table does not show (an import committing meanwhile) is read again, this many times. */
const RETRIES = 3;

/**
 * LocalLists answered from the service's database: only versions in force answer, in (list, line) order. Lookups
 * by code and by name run as prepared statements on entries alone; the info of the lists in force (a few rows) is
 * kept in memory, keyed by list id and version, and read again whenever a row names a version it does not hold, so
 * an import committed by any process is answered by the next lookup, never an older version than the rows'.
 */
export function databaseLists(db: Database): LocalLists {
  let inForce = new Map<string, { version: string; info: ListInfo }>();
  const reload = async () => {
    const next = new Map<string, { version: string; info: ListInfo }>();
    for (const [id, version, text] of await db.prepared('xinbiao_lists_in_force', IN_FORCE, [])) {
      const { keyId: _k, sha256: _s, ...info } = JSON.parse(text!) as ListInfo & { keyId?: string; sha256?: string };
      next.set(id!, { version: version!, info });
    }
    inForce = next;
  };
  const matches = async (name: string, sql: string, value: string): Promise<ListMatch[]> => {
    for (let attempt = 0; ; attempt++) {
      const rows = await db.prepared(name, sql, [value]);
      if (rows.every(([id, version]) => inForce.get(id!)?.version === version)) {
        return rows.map(([id, , line]) => ({ list: inForce.get(id!)!.info, line: JSON.parse(line!) as ListMatch['line'] }));
      }
      if (attempt === RETRIES) throw new Error('the lists in force keep changing under the lookup');
      await reload();
    }
  };
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
