// National-scale lists: a deterministic synthetic 经营异常名录 of 10,000,000 entries (bench/support/national-list.ts,
// generated once and cached under the temp dir with its pack; LIST_NATIONAL_ENTRIES for fewer):
// list-pack-size   bytes a subscriber downloads to answer "is this code listed" (USCC filter, shard digests,
//                  manifest and signature) against gzip -9 of the sorted codes;
// list-import-10m  importPack of the download (both filters and digest tables) into Chromium's own IndexedDB,
//                  against fetching the same bytes and hashing them with the same SHA-256;
// list-memory      peak JS heap of that page while importing (floor: the heap before the import);
// list-lookup-10m  p99 of 10,000 lookups by code (half listed, half not) through the LocalLists port once the list
//                  version is in memory, shards fetched from the same local origin on a filter hit, against
//                  Map.get over the same codes; list-lookup-10m-miss is the p99 of the codes on no list (answered
//                  by the filter in memory) and list-lookup-10m-repeat of listed codes whose shard is held in
//                  memory. A first hit in a shard cannot meet 0.2 ms: exact membership of 10M codes does not fit
//                  the 16 MB download (the codes alone gzip to more), so a hit fetches its shard of ≥ 100 entries
//                  by hash prefix and checks it against the digest table; its p99 is printed on stderr;
// list-delta       what a pack subscriber downloads for a 0.5% churn (25,000 removed, 25,000 added) against gzip -9
//                  of the changed codes.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { sha256Hex } from '../core/crypto';
import type { DeltaHeader, DeltaOp } from '../core/lists';
import { packList, type PackManifest } from '../core/lists';
import { deltaManifestBytes, packDelta } from '../core/lists';
import type { ByteSource } from '../core/lists';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/support/chromium';
import { churn, KEY_PATH, nationalEntry, nationalFiles, nationalHeader } from './support/national-list';
import type { Benchmark, BenchResult } from './types';

const N = Number(process.env.LIST_NATIONAL_ENTRIES ?? 10_000_000);
const LOOKUPS = 10_000;
// Listed codes looked up again: fewer than the shards a pack keeps in memory (PACK_SHARD_CACHE).
const REPEAT = 32;
// Served by page.route only; the COOP/COEP headers isolate the page, so performance.now() has microsecond steps.
const ORIGIN = 'http://127.0.0.1:4198';
const SIG_BYTES = 300; // a .sig file is about this size

declare const national: any;

/** A delta part packed in memory: its manifest, and the bytes a subscriber downloads for it. */
async function packPartInMemory(open: () => ByteSource): Promise<{ manifest: PackManifest; held: number }> {
  const shardBytes = new Map<string, number>();
  const { manifest, files } = await packList(open, { shardLine: (kind, shard, line) => void shardBytes.set(`${kind}/${shard}`, (shardBytes.get(`${kind}/${shard}`) ?? 0) + Buffer.byteLength(line)) });
  let held = [...files.values()].reduce((a, b) => a + b.length, 0);
  // Indexes too small for shards of k are downloaded whole (pack-delta.ts fetchHeld).
  for (const kind of ['uscc', 'name'] as const) if (manifest.indexes[kind].minShard < manifest.k) for (const [s, b] of shardBytes) if (s.startsWith(kind)) held += b;
  return { manifest, held };
}

async function deltaSize(manifest: PackManifest): Promise<BenchResult> {
  const { removed, added } = churn(N);
  const ops: DeltaOp[] = [...removed.map((i) => ({ op: '-' as const, entry: nationalEntry(i) })), ...added.map((i) => ({ op: '+' as const, entry: nationalEntry(i) }))];
  const next = nationalHeader(N, 2);
  const header: DeltaHeader = {
    format: 'xinbiao-delta/1', id: next.id, name: next.name, publisher: next.publisher, kind: next.kind, keyId: next.keyId, issued: next.issued, expires: next.expires,
    from: { version: 1, sha256: manifest.source.sha256 },
    // The new edition's file is not written; a digest of the same length stands in for it.
    to: { version: 2, sha256: sha256Hex(new TextEncoder().encode('edition 2')), count: N, issued: next.issued },
    count: ops.length,
  };
  let held = 0;
  const delta = await packDelta(header, ops, async (open) => {
    const part = await packPartInMemory(open);
    held += part.held;
    return part.manifest;
  });
  const value = deltaManifestBytes(delta).length + SIG_BYTES + held;
  const codes = ops.map((o) => o.entry.uscc!).sort();
  const floor = gzipSync(Buffer.from(`${codes.join('\n')}\n`), { level: 9 }).length;
  process.stderr.write(`list-delta: ${removed.length} removed + ${added.length} added; manifest ${deltaManifestBytes(delta).length} B, filters, digests and small shards ${held} B; gzip -9 of the changed codes ${floor} B\n`);
  return { name: 'list-delta', value: value / 1000, unit: 'kB', floor: floor / 1000, budget: 2, valueBudget: 300 };
}

function packSize(manifest: PackManifest, manifestSize: number): BenchResult {
  const ix = manifest.indexes.uscc;
  const download = ix.filter.size + ix.digests.size + manifestSize + SIG_BYTES;
  const codes: string[] = new Array(N);
  for (let i = 0; i < N; i++) codes[i] = nationalEntry(i).uscc!;
  codes.sort();
  const floor = gzipSync(Buffer.from(`${codes.join('\n')}\n`), { level: 9 }).length;
  process.stderr.write(`list-pack-size: ${N} codes, filter ${ix.filter.size} B, ${1 << ix.prefixBits} shards (smallest ${ix.minShard}), digests ${ix.digests.size} B, gzip -9 of sorted codes ${floor} B\n`);
  return { name: 'list-pack-size', value: download / 1e6, unit: 'MB', floor: floor / 1e6, valueBudget: 16 };
}

async function inChromium(packDir: string, manifest: PackManifest): Promise<BenchResult[]> {
  const key = JSON.parse(await readFile(KEY_PATH.replace('.private.', '.public.'), 'utf8'));
  const js = (await build({ entryPoints: [resolve(import.meta.dirname, 'support/national-harness.ts')], bundle: true, minify: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'silent' })).outputFiles[0]!.text;
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info'] });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/harness.js') return route.fulfill({ contentType: 'text/javascript', body: js, headers: isolated });
      if (path.startsWith('/pack/') && !path.includes('..')) return route.fulfill({ path: join(packDir, decodeURIComponent(path.slice(6))), headers: isolated }).catch(() => route.fulfill({ status: 404 }));
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>national list bench</title><script src="/harness.js"></script>', headers: isolated });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => typeof (globalThis as { national?: unknown }).national === 'object');
    const name = `${manifest.list.id}.pack.json`;
    const floor: { ms: number; bytes: number } = await page.evaluate((m) => national.floor(m), name);
    const ours = await page.evaluate(([m, k]) => national.importIt(m, k), [name, key] as const);
    if (ours.error || ours.outcome !== 'imported' || ours.count !== N) throw new Error(`import failed: ${ours.error ?? `${ours.outcome} ${ours.count}`}${ours.detail ? ` (${ours.detail})` : ''}`);
    process.stderr.write(`list-import-10m: ${floor.bytes} B downloaded, import ${(ours.ms / 1000).toFixed(2)} s, fetch and hash ${(floor.ms / 1000).toFixed(2)} s\n`);

    // 5,000 listed codes spread over the list and 5,000 that are on no list, interleaved.
    const listed: string[] = [], codes: string[] = [];
    for (let k = 0; k < LOOKUPS / 2; k++) {
      const hit = nationalEntry(Math.floor(((k * 2_654_435_761) % 4_294_967_296) / 4_294_967_296 * N)).uscc!;
      listed.push(hit);
      codes.push(hit, nationalEntry(N + 1_000_000 + k).uscc!);
    }
    const look = await page.evaluate(([c, l, r]) => national.lookups(c, l, r), [codes, listed, REPEAT] as const);
    if (look.found !== listed.length) throw new Error(`lookups found ${look.found} of ${listed.length} listed codes`);
    process.stderr.write(`list-lookup-10m: list version loaded into memory in ${look.loadMs.toFixed(1)} ms; p99 all ${look.p99.toFixed(3)} ms, listed on first sight ${look.hitP99.toFixed(3)} ms (a shard fetched and checked), listed again ${look.repeatP99.toFixed(4)} ms (shard in memory; median ${look.repeatP50.toFixed(4)} ms), not listed ${look.missP99.toFixed(4)} ms (median ${look.missP50.toFixed(4)} ms); page isolated: ${look.isolated}\n`);
    return [
      { name: 'list-import-10m', value: ours.ms / 1000, unit: 's', floor: floor.ms / 1000, budget: 3 },
      { name: 'list-memory', value: ours.peak / 1e6, unit: 'MB', floor: ours.before / 1e6, valueBudget: 64 },
      { name: 'list-lookup-10m', value: look.p99, unit: 'ms', floor: look.floor, budget: 5, valueBudget: 0.2 },
      { name: 'list-lookup-10m-miss', value: look.missP99, unit: 'ms', floor: look.floor, budget: 5, valueBudget: 0.2 },
      { name: 'list-lookup-10m-repeat', value: look.repeatP99, unit: 'ms', floor: look.floor, budget: 5, valueBudget: 0.2 },
    ];
  } finally {
    await browser.close();
  }
}

const bench: Benchmark = {
  name: 'list-national',
  async run() {
    const files = await nationalFiles(N, (s) => process.stderr.write(`${s}\n`));
    const manifestSize = (await readFile(join(files.packDir, `${files.manifest.list.id}.pack.json`))).length;
    return [packSize(files.manifest, manifestSize), ...(await inChromium(files.packDir, files.manifest)), await deltaSize(files.manifest)];
  },
};
export default bench;
