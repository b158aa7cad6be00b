// list-import-db: a 1,000,000-entry signed list imported into the embedded database, against a bare COPY of the
// same rows into a table of the same shape; status-lookup: lookups by code over HTTP against those 1,000,000
// subjects, against a bare node:http server answering a fixed body of the same size (ratio of time per request,
// i.e. floor throughput / ours), with p99. With XINBIAO_BENCH_PG=postgres://… the lookup runs on PostgreSQL too.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { generateKeyPair } from '../core/crypto';
import { usccCheckChar } from '../core/identifiers';
import { singleKey } from '../core/lists';
import { normaliseName } from '../core/lists';
import { signList } from '../core/lists';
import { CreditStatus } from '../core/model';
import { ErrorBody } from '../core/sources';
import { startApp } from '../server/app';
import { openDatabase, type Database } from '../server/db/database';
import { importListToDb } from '../server/db/import';
import { databaseLists } from '../server/db/lists';
import { migrate } from '../server/db/migrations';
import { statusRoute } from '../server/routes/status';
import { load } from './support/load';
import type { Benchmark, BenchResult } from './types';

const N = Number(process.env.DB_BENCH_ENTRIES ?? 1_000_000);
const REQUESTS = Number(process.env.STATUS_BENCH_REQUESTS ?? 20_000);

const uscc = (i: number) => {
  const first = `91330106${String(i).padStart(9, '0')}`;
  return first + usccCheckChar(first)!;
};
const entry = (i: number) => ({ uscc: uscc(i), name: `杭州示例${i}号电子商务有限公司`, reason: '虚假宣传，情节严重', authority: '杭州市市场监督管理局', since: '2026-03-01' });

async function writeList(file: string, kid: string): Promise<void> {
  const out = createWriteStream(file);
  const now = Date.now();
  out.write(`${JSON.stringify({ format: 'xinbiao-list/1', id: 'bench-black', name: '基准测试黑名单', publisher: { id: 'bench-office', name: '基准测试信用办' }, kind: 'black', version: 1, issued: new Date(now - 86_400_000).toISOString(), expires: new Date(now + 365 * 86_400_000).toISOString(), keyId: kid, count: N })}\n`);
  for (let i = 0; i < N; i++) if (!out.write(`${JSON.stringify(entry(i))}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  out.end();
  await finished(out);
}

const csv = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** The floor: the same rows, already parsed, COPYed into a table with the same columns and indexes. */
async function floorCopy(db: Database): Promise<number> {
  await db.query('CREATE TABLE floor_entries (LIKE entries INCLUDING ALL)');
  const rows: string[] = [];
  for (let i = 0; i < N; i++) { const e = entry(i); rows.push(`bench-floor,1,${i + 2},${e.uscc},${csv(normaliseName(e.name))},${csv(JSON.stringify(e))}\n`); }
  const blob = new Blob(rows);
  rows.length = 0;
  const t = performance.now();
  if (!db.pglite) throw new Error('the floor COPY runs on the embedded database');
  await db.pglite.query("COPY floor_entries FROM '/dev/blob' WITH (FORMAT csv)", [], { blob });
  const ms = performance.now() - t;
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM floor_entries');
  if (row!.n !== N) throw new Error(`floor COPY stored ${row!.n} of ${N} rows`);
  return ms;
}

/**
 * Before any time counts: a listed code answers its own subject from the bench list, and a valid code that no list
 * holds answers 404 not-found. Returns the listed code's body (the floor answers one of the same size).
 */
async function checkAnswers(base: string, hitPath: string): Promise<Buffer> {
  const hit = await fetch(`${base}${hitPath}`);
  const body = Buffer.from(await hit.arrayBuffer());
  const code = hitPath.slice(hitPath.lastIndexOf('/') + 1);
  const status = hit.status === 200 ? CreditStatus.safeParse(JSON.parse(body.toString('utf8'))) : undefined;
  if (!status?.success || status.data.subject.uscc !== code || status.data.listEntries.map((e) => e.provenance.source).join() !== 'list:bench-black@v1') {
    throw new Error(`a listed code did not answer its subject (${hit.status})`);
  }
  const miss = await fetch(`${base}/v1/subjects/${uscc(N)}`);
  const missCode = miss.status === 404 ? ErrorBody.safeParse(await miss.json()) : undefined;
  if (!missCode?.success || missCode.data.error.code !== 'not-found') throw new Error(`an unlisted code answered ${miss.status}, not 404 not-found`);
  return body;
}

async function lookups(name: string, db: Database): Promise<BenchResult[]> {
  const running = await startApp({ port: 0, plugins: [statusRoute(databaseLists(db), { ratePerMinute: 1e9, maxInFlight: 1e6 })] });
  const base = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  let i = 0;
  const path = () => `/v1/subjects/${uscc((i = (i * 7919 + 104_729) % N))}`;
  try {
    const body = await checkAnswers(base, path());
    const floorServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body));
    await new Promise<void>((ok) => floorServer.listen(0, '127.0.0.1', ok));
    try {
      const floor = await load(`http://127.0.0.1:${(floorServer.address() as AddressInfo).port}`, path, REQUESTS);
      const ours = await load(base, path, REQUESTS);
      return [
        { name, value: 1e6 / ours.rps, unit: 'µs/lookup', floor: 1e6 / floor.rps, budget: 3 },
        // The slowest 1% at the same concurrency, in whole milliseconds (the load generator's resolution): ≤ 5×
        // (2.2–3× measured; one millisecond of either side moves the ratio by a quarter).
        { name: `${name}-p99`, value: ours.p99, unit: 'ms', floor: floor.p99, budget: 5 },
      ];
    } finally {
      await new Promise((ok) => floorServer.close(ok));
    }
  } finally {
    await running.drain();
  }
}

const bench: Benchmark = {
  name: 'list-import-db',
  async run(done) {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-bench-db-'));
    try {
      const { publicJwk, privateJwk } = await generateKeyPair('bench-office-2026');
      const file = join(dir, 'bench.ndjson');
      await writeList(file, 'bench-office-2026');
      const sig = await signList(new Uint8Array(await readFile(file)), privateJwk);
      const db = await openDatabase(join(dir, 'db'));
      const results: BenchResult[] = [];
      try {
        await migrate(db);
        const t = performance.now();
        const r = await importListToDb(db, createReadStream(file), sig, { keys: singleKey(publicJwk, 'bench-office-2026') });
        const ours = performance.now() - t;
        if (r.outcome !== 'imported' || r.list.count !== N) throw new Error(`import did not put ${N} entries in force`);
        const floor = await floorCopy(db);
        await db.query('DROP TABLE floor_entries');
        results.push({ name: 'list-import-db', value: ours / 1000, unit: 's', floor: floor / 1000, budget: 2 });
        // Printed now: a lookup phase that fails under load must not lose the import's figure.
        done?.(results[0]!);
        results.push(...(await lookups('status-lookup', db)));
      } finally {
        await db.close();
      }
      const pgUrl = process.env.XINBIAO_BENCH_PG;
      if (pgUrl) {
        const pg = await openDatabase(pgUrl);
        try {
          await migrate(pg);
          await importListToDb(pg, createReadStream(file), sig, { keys: singleKey(publicJwk, 'bench-office-2026') });
          results.push(...(await lookups('status-lookup-pg', pg)));
        } finally {
          await pg.close();
        }
      }
      return results;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
