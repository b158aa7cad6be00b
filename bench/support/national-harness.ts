// Bundled by bench/lists-national.bench.ts: a packed national list imported and looked up in Chromium's own
// IndexedDB, through the same code the extension runs (importPack, idbLocalLists). Files come from `/pack/`.
import type { PublicJwk } from '../../core/crypto';
import { Sha256 } from '../../core/crypto';
import { singleKey } from '../../core/lists';
import { idbLocalLists } from '../../core/lists';
import type { PackManifest } from '../../core/lists';
import { importPack } from '../../core/lists';
import { ListStore } from '../../core/lists';

const BASE = new URL('/pack/', location.href).href;
const bytesOf = async (file: string) => new Uint8Array(await (await fetch(new URL(file, BASE))).arrayBuffer());
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;
const p99 = (xs: number[]) => pct(xs, 0.99);
let store: ListStore | undefined;

/** The files a subscriber downloads for a pack: manifest, signature, and each index's filter and digest table. */
function downloadFiles(manifest: PackManifest): string[] {
  const ix = manifest.indexes;
  return [ix.uscc.filter.file, ix.uscc.digests.file, ix.name.filter.file, ix.name.digests.file];
}

/** Floor: fetching the same files and hashing them with the same SHA-256, nothing else. */
async function floor(manifestName: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const m = await bytesOf(manifestName);
  let bytes = m.length + (await bytesOf(`${manifestName}.sig`)).length;
  new Sha256().update(m).digest();
  for (const file of downloadFiles(JSON.parse(new TextDecoder().decode(m)))) {
    const b = await bytesOf(file);
    new Sha256().update(b).digest();
    bytes += b.length;
  }
  return { ms: performance.now() - t0, bytes };
}

/** Ours: importPack into IndexedDB, with the peak JS heap sampled every 10 ms while it runs. */
async function importIt(manifestName: string, key: PublicJwk) {
  store ??= await ListStore.open(indexedDB);
  const mem = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  const before = mem();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, mem())), 10);
  const t0 = performance.now();
  try {
    const [m, sig] = await Promise.all([bytesOf(manifestName), bytesOf(`${manifestName}.sig`)]);
    const r = await importPack(store, new URL(manifestName, BASE).href, m, sig, bytesOf, { keys: singleKey(key) });
    const ms = performance.now() - t0;
    peak = Math.max(peak, mem());
    return { ms, outcome: r.outcome, count: r.list.count, before, peak };
  } catch (err) {
    return { error: (err as { code?: string; message: string }).code ?? (err as Error).message, detail: (err as { detail?: string }).detail };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Lookups by code through the LocalLists port (as the extension's background does), in the given order; shards
 * come from the same origin on a filter hit. One lookup first loads the list version (records, filters, digest
 * tables) into memory, timed apart as `loadMs`. Returns per-lookup times and how many codes were found listed, then
 * `repeatP99`: the last `repeat` listed codes looked up again 20 times each (their shards are still in memory). The
 * floor: Map.get over the same codes in a Map of the listed ones, each timed over 1,000 repeats.
 */
async function lookups(codes: string[], listed: string[], repeat: number) {
  const lists = idbLocalLists(store!, { fetchShard: async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()) });
  const t = performance.now();
  await lists.byUscc('91110000000000000X');
  const loadMs = performance.now() - t;
  const times: number[] = [];
  let found = 0;
  for (const code of codes) {
    const t0 = performance.now();
    const hit = await lists.byUscc(code);
    times.push(performance.now() - t0);
    if (hit.length) found++;
  }
  const again: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const code of listed.slice(-repeat)) {
      const t0 = performance.now();
      const hit = await lists.byUscc(code);
      again.push(performance.now() - t0);
      if (!hit.length) throw new Error(`${code} was listed and is not any more`);
    }
  }
  const map = new Map(listed.map((c) => [c, { uscc: c }]));
  const floorTimes: number[] = [];
  let sink = 0;
  for (const code of codes) {
    const t0 = performance.now();
    for (let r = 0; r < 1000; r++) if (map.get(code)) sink++;
    floorTimes.push((performance.now() - t0) / 1000);
  }
  const isListed = new Set(listed);
  const hits = times.filter((_, i) => isListed.has(codes[i]!));
  return { p99: p99(times), floor: p99(floorTimes), found, sink, loadMs, hitP99: p99(hits), missP99: p99(times.filter((_, i) => !isListed.has(codes[i]!))), missP50: pct(times.filter((_, i) => !isListed.has(codes[i]!)), 0.5), repeatP99: p99(again), repeatP50: pct(again, 0.5), isolated: crossOriginIsolated };
}

Object.assign(globalThis, { national: { floor, importIt, lookups } });
