// idb recognises requests with instanceof against the IDB globals; the auto module provides them in Node.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { generateKeyPair, type PrivateJwk, type PublicJwk } from '../../../../core/crypto/ed25519';
import { ListStore } from '../../../../core/lists/store';
import { signList } from '../../../../core/lists/sign';
import type { ListHeader } from '../../../../core/lists/schema';
import { packList, shardName } from '../../../../core/lists/pack';
import type { ByteSource } from '../../../../core/lists/parse';

export const NOW = Date.parse('2026-11-20T08:00:00Z');

export function header(over: Partial<ListHeader> = {}): ListHeader {
  return {
    format: 'xinbiao-list/1', id: 'demo-black', name: '示例严重失信主体名单', publisher: { id: 'demo-credit-office', name: '示例信用办' },
    kind: 'black', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2027-11-01T00:00:00+08:00', keyId: 'demo-lists-2026', ...over,
  };
}

export const entry = (i: number) => ({
  uscc: `91330106${String(i).padStart(9, '0')}X`,
  name: `杭州示例${i}号电子商务有限公司`,
  reason: '虚假宣传，情节严重',
  authority: '杭州市市场监督管理局',
  since: '2026-03-01',
});

export const ndjson = (h: unknown, lines: unknown[], eol = '\n') => [JSON.stringify(h), ...lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)))].join(eol) + eol;
export const bytes = (text: string) => new TextEncoder().encode(text);

let keys: { publicJwk: PublicJwk; privateJwk: PrivateJwk } | undefined;
export async function demoKeys() {
  keys ??= await generateKeyPair('demo-lists-2026');
  return keys;
}

/** A signed list file: bytes plus its .sig as JSON text. */
export async function signed(h: ListHeader, lines: unknown[], eol = '\n') {
  const file = bytes(ndjson(h, lines, eol));
  const sig = await signList(file, (await demoKeys()).privateJwk);
  return { file, sig: JSON.stringify(sig) };
}

/** The bytes as a stream of chunks of a given size (1 splits every UTF-8 character). */
export function stream(file: Uint8Array, chunk = 64): ReadableStream<Uint8Array> {
  let o = 0;
  return new ReadableStream({
    pull(c) {
      if (o >= file.length) return c.close();
      c.enqueue(file.slice(o, o + chunk));
      o += chunk;
    },
  });
}

export const openStore = () => ListStore.open(new IDBFactory(), { keyRange: IDBKeyRange });

/** A publisher's static files by URL and a fetch of them (a missing one throws 404) that records every URL asked for. */
export function staticFiles() {
  const files = new Map<string, Uint8Array>();
  const fetched: string[] = [];
  const get = async (url: string) => {
    fetched.push(url);
    const b = files.get(url);
    if (!b) throw new Error(`404 ${url}`);
    return b;
  };
  return { files, fetched, get };
}

/** Packs NDJSON bytes in memory: the shard files and the other files by name. */
export function packFiles(file: Uint8Array, k: number) {
  return packSource(() => stream(file, 997), k);
}

/**
 * Packs a list source in memory: the manifest, every file by name, and how many times packList reset the sink. With
 * `onePass` (the default) the sink can reset, so a list that states its count is packed in one pass when its keys fit.
 */
export async function packSource(open: () => ByteSource, k: number, { onePass = true } = {}) {
  const shards = new Map<string, string>();
  let resets = 0;
  const result = await packList(open, {
    shardLine(kind, shard, line) {
      const name = `${kind}/${shard}`;
      shards.set(name, (shards.get(name) ?? '') + line);
    },
    ...(onePass ? { reset: () => void (shards.clear(), resets++) } : {}),
  }, { k });
  const enc = new TextEncoder();
  const byFile = new Map<string, Uint8Array>(result.files);
  for (const kind of ['uscc', 'name'] as const) {
    const ix = result.manifest.indexes[kind];
    for (let s = 0; s < 1 << ix.prefixBits; s++) byFile.set(`${ix.dir}/${shardName(s, ix.prefixBits)}`, enc.encode(shards.get(`${kind}/${s}`) ?? ''));
  }
  return { manifest: result.manifest, byFile, resets };
}
