import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPublicJwk, type PrivateJwk, type PublicJwk } from '../../core/crypto';
import { singleKey } from '../../core/lists';
import { ListError, toListError } from '../../core/lists';
import { manifestBytes, packList, shardName, type PackKeyKind, type PackManifest } from '../../core/lists';
import type { ByteSource } from '../../core/lists';
import { signList } from '../../core/lists';
import { verifyList } from '../../core/lists';
import { nodeSha256 } from '../../server/node-sha256';
import { EXIT, UsageError, both, emit, say, strFlag, type ParsedArgs } from '../io';

export const packHelp = `  xinbiao list pack --key <private.jwk.json> --out <dir> [--k N] <list.ndjson…>

  pack     verifies each signed list with the key's public half, then writes its compact subscriber form into
           DIR: <id>.pack.json (signed manifest, with <id>.pack.json.sig), <id>.v<version>.uscc.filter and
           .name.filter (binary fuse filters), .uscc.digests / .name.digests and the shard folders
           <id>.v<version>.uscc/ and .name/ (entry details keyed by a hash prefix that at least N entries share,
           default 100). Earlier editions' files stay: subscribers that reached this edition by deltas read them.
           See docs/list-format.md.`;

// Shard lines wait in memory up to about this many bytes (UTF-16 counted thrice), then go to their files in one round
// of appends: with 80,000 shard files a small buffer means millions of tiny appends.
const FLUSH_BYTES = 256 << 20;

/** Buffers shard lines per file and appends them to the shard files under `dir` (folders made on first use). */
function shardWriter(dir: string, layout: () => { bits: Record<PackKeyKind, number>; dirs: Record<PackKeyKind, string> }) {
  let pending = new Map<string, string[]>();
  let size = 0;
  const made = new Set<string>();
  const flush = async () => {
    const batch = pending;
    pending = new Map();
    size = 0;
    for (const [file, lines] of batch) await appendFile(join(dir, file), lines.join(''));
  };
  return {
    async shardLine(kind: PackKeyKind, shard: number, line: string) {
      const { bits, dirs } = layout();
      if (!made.has(dirs[kind])) await mkdir(join(dir, dirs[kind]), { recursive: true }), made.add(dirs[kind]);
      const file = `${dirs[kind]}/${shardName(shard, bits[kind])}`;
      let lines = pending.get(file);
      if (!lines) pending.set(file, (lines = []));
      lines.push(line);
      size += line.length * 3;
      if (size > FLUSH_BYTES) await flush();
    },
    flush,
    async reset() {
      pending = new Map();
      size = 0;
      for (const folder of made) await rm(join(dir, folder), { recursive: true, force: true });
      made.clear();
    },
  };
}

/**
 * Packs one list (already verified by the caller) into `out`: shards and filters in a temporary folder first,
 * then moved in with the signed manifest last, so a reader never sees a manifest whose files are not in place.
 * `open` returns the NDJSON bytes afresh for each of packList's two passes. Throws ListError.
 */
export async function writePack(open: () => ByteSource, id: string, out: string, key: PrivateJwk, options: { k?: number; now: () => number }): Promise<{ manifest: PackManifest; bytes: Uint8Array }> {
  const tmp = join(out, `.pack-${id}-${options.now()}.tmp`);
  try {
    await mkdir(tmp, { recursive: true });
    let layout = { bits: { uscc: 0, name: 0 }, dirs: { uscc: '', name: '' } };
    // Shard widths and folders come from the header's count, or after a first pass over a list that states none.
    const writer = shardWriter(tmp, () => layout);
    const { manifest, files: extra } = await packList(open, writer, { ...(options.k ? { k: options.k } : {}), sha256: nodeSha256, onLayout: (bits, dirs) => { layout = { bits, dirs }; } });
    const dirs = { uscc: manifest.indexes.uscc.dir, name: manifest.indexes.name.dir };
    for (const kind of ['uscc', 'name'] as const) {
      await mkdir(join(tmp, dirs[kind]), { recursive: true });
      for (let s = 0; s < 1 << manifest.indexes[kind].prefixBits; s++) await appendFile(join(tmp, dirs[kind], shardName(s, manifest.indexes[kind].prefixBits)), '');
    }
    for (const [name, bytes] of extra) await writeFile(join(tmp, name), bytes);
    const m = manifestBytes(manifest);
    await writeFile(join(tmp, `${id}.pack.json`), m);
    await writeFile(join(tmp, `${id}.pack.json.sig`), `${JSON.stringify(await signList(m, key), null, 2)}\n`);
    for (const name of [dirs.uscc, dirs.name]) await rm(join(out, name), { recursive: true, force: true });
    for (const name of [dirs.uscc, dirs.name, ...extra.keys(), `${id}.pack.json.sig`, `${id}.pack.json`]) await rename(join(tmp, name), join(out, name));
    return { manifest, bytes: m };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Reads a private JWK for signing; a bad one is a usage error. */
export async function readPrivateKey(path: string | undefined): Promise<PrivateJwk> {
  if (!path) throw new UsageError(both('需要 --key <private.jwk.json>', '--key <private.jwk.json> is required'));
  let key: PrivateJwk;
  try {
    key = JSON.parse(await readFile(path, 'utf8')) as PrivateJwk;
  } catch (err) {
    throw new UsageError(both(`无法读取私钥 ${path}：${(err as Error).message}`, `cannot read private key ${path}: ${(err as Error).message}`));
  }
  if (!isPublicJwk(key) || typeof key.d !== 'string' || !key.kid) throw new UsageError(both(`${path} 不是带 kid 的 Ed25519 私钥 JWK`, `${path} is not an Ed25519 private JWK with a kid`));
  return key;
}

/** The public half of a private JWK. */
export const publicHalf = ({ d: _d, ...pub }: PrivateJwk): PublicJwk => pub as PublicJwk;

/** `xinbiao list pack`: one JSON summary per file. */
export async function pack(files: string[], parsed: ParsedArgs, now: () => number): Promise<number> {
  const keyPath = strFlag(parsed, 'key');
  const out = strFlag(parsed, 'out');
  if (!keyPath || !out) throw new UsageError(both('pack 需要 --key <private.jwk.json> 和 --out <目录>', 'pack needs --key <private.jwk.json> and --out <dir>'));
  const key = await readPrivateKey(keyPath);
  const kText = strFlag(parsed, 'k');
  const k = kText === undefined ? undefined : Number(kText);
  if (k !== undefined && (!Number.isInteger(k) || k < 1)) throw new UsageError(both('--k 须为不小于 1 的整数', '--k takes a whole number ≥ 1'));
  let ok = true;
  for (const file of files) {
    let sig: Uint8Array;
    try {
      sig = await readFile(`${file}.sig`);
    } catch {
      say(`${file}: ${file}.sig not found / 找不到签名文件`);
      emit({ file, ok: false, error: { code: 'bad-signature-file' } });
      ok = false;
      continue;
    }
    const checked = await verifyList(createReadStream(file), sig, singleKey(publicHalf(key), key.kid), { now });
    if (checked.error) {
      say(`${file}: ${checked.error.zh} / ${checked.error.en}`);
      emit({ file, ok: false, error: { code: checked.error.code, en: checked.error.en, zh: checked.error.zh } });
      ok = false;
      continue;
    }
    try {
      const { manifest, bytes: m } = await writePack(() => createReadStream(file), checked.summary!.header.id, out, key, { ...(k ? { k } : {}), now });
      const ix = manifest.indexes;
      emit({
        file, ok: true, id: manifest.list.id, version: manifest.list.version, entries: checked.summary!.entries, manifest: join(out, `${manifest.list.id}.pack.json`),
        download: ix.uscc.filter.size + ix.uscc.digests.size + m.length,
        uscc: { keys: ix.uscc.keys, filterBytes: ix.uscc.filter.size, shards: 1 << ix.uscc.prefixBits, minShard: ix.uscc.minShard },
        name: { keys: ix.name.keys, filterBytes: ix.name.filter.size, shards: 1 << ix.name.prefixBits, minShard: ix.name.minShard },
      });
    } catch (err) {
      const e = err instanceof ListError ? err : toListError(err, 'store-failed');
      say(`${file}: ${e.zh} / ${e.en}`);
      emit({ file, ok: false, error: { code: e.code, en: e.en, zh: e.zh } });
      ok = false;
    }
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
