import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages';
import { Parser } from 'pg-protocol/dist/parser';
import { lockDirectory } from './dir-lock';

/** A row-returning query; `params` are bound as $1, $2, … (never spliced into the text). */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A row of a prepared statement: every column in PostgreSQL's text form (null for NULL), in select order. */
export type TextRow = (string | null)[];

/** The service's database: the embedded engine (a directory) or PostgreSQL (a postgres:// URL), same SQL. */
export interface Database extends Queryable {
  /** 'embedded' (PGlite in a directory) or 'postgres'. */
  kind: 'embedded' | 'postgres';
  /**
   * Runs `sql` as a statement prepared once per connection under `name` (parsed and planned once, then only bound
   * and executed: the hot lookups' path). Parameters are bound as text, never spliced; columns come back unparsed,
   * as text (jsonb as its JSON text). One `name` must always carry the same `sql`. Throws the database's error.
   */
  prepared(name: string, sql: string, params: string[]): Promise<TextRow[]>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded engine itself (for its COPY from a Blob), when kind is 'embedded'. */
  pglite?: PGlite;
}

/** True for a target that names PostgreSQL rather than a directory of the embedded engine. */
export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/**
 * Opens the database named by `target`: a `postgres://…` URL through the `pg` pool, anything else as a directory of
 * the embedded engine (PGlite: PostgreSQL compiled to WebAssembly, no server; created on first use, which takes
 * tens of seconds; one process at a time, held by a lock file: dir-lock.ts). Throws when it cannot be reached or
 * another process holds the directory.
 */
export async function openDatabase(target: string, options: { poolSize?: number } = {}): Promise<Database> {
  if (isPostgresUrl(target)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target, max: options.poolSize ?? 10 });
    // A dropped idle connection must not end the process; the next query reconnects.
    pool.on('error', () => {});
    await pool.query('SELECT 1');
    return {
      kind: 'postgres',
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
      // pg keeps a named statement per pooled connection and parses it on that connection's first use.
      prepared: async (name, sql, params) => (await pool.query<TextRow>({ name, text: sql, values: params, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } })).rows,
      async transaction<T>(work: (tx: Queryable) => Promise<T>) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[] });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const { PGlite: Engine } = await import('@electric-sql/pglite');
  const dir = resolve(target);
  const release = lockDirectory(dir);
  let db: PGlite;
  try {
    db = await Engine.create(dir);
  } catch (err) {
    release();
    if (err instanceof Error && err.message) throw err;
    // The engine's file errors are bare { name: 'ErrnoError', errno } objects: say what to check instead of "undefined".
    const { name, errno } = (err ?? {}) as { name?: string; errno?: number };
    const what = `${name ?? 'error'}${errno === undefined ? '' : ` ${errno}`}`;
    throw new Error(`内置数据库无法使用目录 ${dir}（${what}）：请确认它是当前用户可进入、可读写的目录 / the embedded engine cannot use ${dir} (${what}): check that it is a directory this user may enter, read and write`);
  }
  const engine = { busy: 0 };
  // Every query and transaction is counted while it runs: a lookup goes straight in only when nothing else is inside.
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    engine.busy++;
    try {
      return await work();
    } finally {
      engine.busy--;
    }
  };
  return {
    kind: 'embedded',
    pglite: db,
    query: <T>(sql: string, params?: unknown[]) => counted(async () => (await db.query<T>(sql, params)).rows),
    prepared: embeddedPrepared(db, engine),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      counted(() => db.transaction((tx) => work({ query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows }))),
    close: () => db.close().finally(release),
  };
}

/** A prepared-statement call waiting for the next trip into the embedded engine. */
interface Pending {
  name: string;
  sql: string;
  params: string[];
  ok: (rows: TextRow[]) => void;
  fail: (err: unknown) => void;
}

/**
 * Prepared statements on the embedded engine. PGlite's `query` parses, plans and syncs the files on every call, in six
 * trips into the engine; a lookup only reads. So a statement is parsed once under its name, and a call goes into the
 * engine as Bind + Execute per call, the calls of one event-loop turn together with one Sync (wire protocol,
 * pg-protocol's encoder and one parser kept for the engine's life). The engine runs a message to its end without
 * yielding, so a trip goes straight in when no query or transaction is inside (`engine.busy`, counted by
 * openDatabase); otherwise it waits for PGlite's own locks, so that it never interleaves with a transaction. Each
 * call gets its own rows; a call that errs gets the error, and the calls after it (which the engine skipped) go in
 * again with the next trip.
 */
function embeddedPrepared(db: PGlite, engine: { busy: number }): Database['prepared'] {
  const parsed = new Set<string>();
  const parser = new Parser();
  let queue: Pending[] = [];
  const run = (parts: Buffer[]): BackendMessage[] => {
    const message = Buffer.concat(parts);
    const answer = db.execProtocolRawSync(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    const messages: BackendMessage[] = [];
    parser.parse(Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength), (m) => messages.push(m));
    return messages;
  };
  function trip(calls: Pending[]): Pending[] {
    for (const { name, sql } of calls) {
      if (parsed.has(name)) continue;
      const error = run([serialize.parse({ name, text: sql }), serialize.sync()]).find((m) => m instanceof Error);
      if (!error) parsed.add(name);
      else for (const c of calls.filter((c) => c.name === name)) c.fail(error);
    }
    const ready = calls.filter((c) => parsed.has(c.name));
    if (ready.length === 0) return [];
    const messages = run([...ready.flatMap((c) => [serialize.bind({ statement: c.name, values: c.params }), serialize.execute({})]), serialize.sync()]);
    let done = 0;
    let rows: TextRow[] = [];
    for (const m of messages) {
      if (m.name === 'dataRow') rows.push((m as unknown as { fields: TextRow }).fields);
      else if (m.name === 'commandComplete') (ready[done++]!.ok(rows), (rows = []));
      else if (m instanceof Error) return (ready[done]!.fail(m), ready.slice(done + 1));
    }
    return ready.slice(done);
  }
  const flush = () => {
    const calls = queue;
    queue = [];
    if (engine.busy === 0) {
      // Nothing else is inside: the engine runs the message to its end before anything else can start.
      try {
        const skipped = trip(calls);
        if (skipped.length > 0) enqueue(...skipped);
      } catch (err) {
        calls.forEach((c) => c.fail(err));
      }
      return;
    }
    engine.busy++;
    db._runExclusiveTransaction(() => db._runExclusiveQuery(async () => trip(calls))).then(
      (skipped) => skipped.length > 0 && enqueue(...skipped),
      (err: unknown) => calls.forEach((c) => c.fail(err)),
    ).finally(() => engine.busy--);
  };
  const enqueue = (...calls: Pending[]) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(...calls);
  };
  return (name, sql, params) => new Promise<TextRow[]>((ok, fail) => enqueue({ name, sql, params, ok, fail }));
}
