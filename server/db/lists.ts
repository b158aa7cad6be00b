import { normaliseName } from '../../core/lists';
import type { ListInfo, ListMatch, LocalLists } from '../../core/sources';
import type { Database, TextRow } from './database';

// Only versions in force have rows: an import deletes every other version of its list in the transaction that puts
// its own in force (db/import.ts). So a lookup reads entries alone, and each row names the version it belongs to.
const BY_NAME = `SELECT list_id, version::text, line::text FROM entries WHERE name_key = $1 ORDER BY list_id, seq`;
// One statement per number of codes (n parameters, each bound as text), prepared on first use. Each code is looked
// up on its own through the index (LATERAL, kept apart by OFFSET 0), whatever the planner's statistics say.
const byUsccs = (n: number) => (n === 1
  ? 'SELECT uscc, list_id, version::text, line::text FROM entries WHERE uscc = $1 ORDER BY list_id, seq'
  : `SELECT c.code, e.list_id, e.version::text, e.line::text
  FROM (VALUES ${Array.from({ length: n }, (_, i) => `($${i + 1}::text)`).join(', ')}) AS c(code)
  CROSS JOIN LATERAL (SELECT list_id, version, seq, line FROM entries WHERE uscc = c.code OFFSET 0) e
  ORDER BY e.list_id, e.seq`);
const IN_FORCE = 'SELECT id, version::text, info::text FROM lists';

/** A lookup whose rows name versions the lists table does not show (an import committing meanwhile) is read again, this many times. */
const RETRIES = 3;

/**
 * LocalLists answered from the service's database: only versions in force answer, in (list, line) order. Lookups
 * run as prepared statements on entries alone; the codes asked for during one event-loop turn (concurrent requests)
 * are looked up together (on PostgreSQL by one statement per 16 codes), each code still getting only its own rows. The info of
 * the lists in force (a few rows) is kept in memory, keyed by list id and version, and read again whenever a row
 * names a version it does not hold, so an import committed by any process is answered by the next lookup, never an
 * older version than the rows'.
 */
export function databaseLists(db: Database): LocalLists {
  // Most codes one statement looks up. PostgreSQL answers each statement in its own round trip; the embedded engine
  // already takes a turn's statements in one trip (db/database.ts), where one simple statement per code is cheapest.
  const codesPerStatement = db.kind === 'postgres' ? 16 : 1;
  let inForce = new Map<string, { version: string; info: ListInfo }>();
  const reload = async () => {
    const next = new Map<string, { version: string; info: ListInfo }>();
    for (const [id, version, text] of await db.prepared('xinbiao_lists_in_force', IN_FORCE, [])) {
      const { keyId: _k, sha256: _s, ...info } = JSON.parse(text!) as ListInfo & { keyId?: string; sha256?: string };
      next.set(id!, { version: version!, info });
    }
    inForce = next;
  };
  // Rows [..., list id, version, line] as matches, once every row's version is the one in force (read again if not).
  async function matches(read: () => Promise<TextRow[]>, from: number): Promise<{ row: TextRow; match: ListMatch }[]> {
    for (let attempt = 0; ; attempt++) {
      const rows = await read();
      if (rows.every((r) => inForce.get(r[from]!)?.version === r[from + 1])) {
        return rows.map((row) => ({ row, match: { list: inForce.get(row[from]!)!.info, line: JSON.parse(row[from + 2]!) as ListMatch['line'] } }));
      }
      if (attempt === RETRIES) throw new Error('the lists in force keep changing under the lookup');
      await reload();
    }
  }

  let asked = new Map<string, { ok: (m: ListMatch[]) => void; fail: (err: unknown) => void }[]>();
  async function lookUp(codes: string[]): Promise<Map<string, ListMatch[]>> {
    const found = new Map<string, ListMatch[]>(codes.map((c) => [c, []]));
    const read = () => db.prepared(`xinbiao_by_uscc_${codes.length}`, byUsccs(codes.length), codes);
    for (const { row, match } of await matches(read, 1)) found.get(row[0]!)?.push(match);
    return found;
  }
  const flush = () => {
    const waiting = asked;
    asked = new Map();
    const codes = [...waiting.keys()];
    for (let i = 0; i < codes.length; i += codesPerStatement) {
      const some = codes.slice(i, i + codesPerStatement);
      lookUp(some).then(
        (found) => some.forEach((c) => waiting.get(c)!.forEach((w) => w.ok(found.get(c)!))),
        (err: unknown) => some.forEach((c) => waiting.get(c)!.forEach((w) => w.fail(err))),
      );
    }
  };
  return {
    byUscc: (uscc) => new Promise((ok, fail) => {
      const code = uscc.trim().toUpperCase();
      if (asked.size === 0) setImmediate(flush);
      const waiters = asked.get(code);
      if (waiters) waiters.push({ ok, fail });
      else asked.set(code, [{ ok, fail }]);
    }),
    byName: async (name) => (await matches(() => db.prepared('xinbiao_by_name', BY_NAME, [normaliseName(name)]), 0)).map((m) => m.match),
    lists: async () => (await db.query<{ info: ListInfo }>('SELECT info FROM lists ORDER BY id')).map((r) => r.info),
  };
}

/** Readiness: the database answers a trivial query. */
export const databaseReady = (db: Database) => async (): Promise<void> => {
  await db.query('SELECT 1');
};
