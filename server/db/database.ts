import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

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
 * tens of seconds; one process at a time). Throws when it cannot be reached.
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
  const db = await Engine.create(resolve(target));
  return {
    kind: 'embedded',
    pglite: db,
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    prepared: embeddedPrepared(db),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => db.transaction((tx) => work({ query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows })),
    close: () => db.close(),
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
 * trips into the engine; a lookup only reads. So a statement is parsed once under its name, and the calls made while
 * the engine is busy (one event-loop turn) go in together as one message: Bind + Execute per call, one Sync (wire
 * protocol, pg-protocol's encoder), under PGlite's own locks so that they never interleave with a transaction. Each
 * call gets its own rows; a call that errs gets the error, and the calls after it (which the engine skipped) go in
 * again with the next trip.
 */
function embeddedPrepared(db: PGlite): Database['prepared'] {
  const parsed = new Set<string>();
  let queue: Pending[] = [];
  const run = (parts: Buffer[]) => {
    const message = Buffer.concat(parts);
    return db.execProtocol(new Uint8Array(message.buffer, message.byteOffset, message.byteLength), { syncToFs: false, throwOnError: false });
  };
  async function trip(calls: Pending[]): Promise<Pending[]> {
    for (const { name, sql } of calls) {
      if (parsed.has(name)) continue;
      const error = (await run([serialize.parse({ name, text: sql }), serialize.sync()])).messages.find((m) => m instanceof Error);
      if (!error) parsed.add(name);
      else for (const c of calls.filter((c) => c.name === name)) c.fail(error);
    }
    const ready = calls.filter((c) => parsed.has(c.name));
    if (ready.length === 0) return [];
    const { messages } = await run([...ready.flatMap((c) => [serialize.bind({ statement: c.name, values: c.params }), serialize.execute({})]), serialize.sync()]);
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
    db._runExclusiveTransaction(() => db._runExclusiveQuery(() => trip(calls))).then(
      (skipped) => skipped.length > 0 && enqueue(...skipped),
      (err: unknown) => calls.forEach((c) => c.fail(err)),
    );
  };
  const enqueue = (...calls: Pending[]) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(...calls);
  };
  return (name, sql, params) => new Promise<TextRow[]>((ok, fail) => enqueue({ name, sql, params, ok, fail }));
}
