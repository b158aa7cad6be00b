import { createReadStream } from 'node:fs';
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { singleKey } from '../../core/lists';
import type { PrivateJwk } from '../../core/crypto';
import { diffLists, type DeltaHeader, type DeltaOp } from '../../core/lists';
import { deltaManifestBytes, packDelta } from '../../core/lists';
import { ListError, toListError } from '../../core/lists';
import { signList } from '../../core/lists';
import { verifyList } from '../../core/lists';
import { EXIT, UsageError, both, emit, say, strFlag, type ParsedArgs } from '../io';
import { publicHalf, readPrivateKey, writePack } from './list-pack';

export const diffHelp = `  xinbiao list diff --key <private.jwk.json> [--out <delta.ndjson>] [--pack <dir>] <old.ndjson> <new.ndjson>

  diff     verifies two signed versions of one list with the key's public half and writes the signed delta
           between them (format xinbiao-delta/1: removed and added entries, naming the version and SHA-256 it
           applies to), by default <new>.delta-<old version>.ndjson, with its .sig: the name subscribers of
           <new> look for when they hold the old version. With --pack DIR (where \`list pack\` put <new>'s pack)
           it also writes the pack delta for subscribers of the packed list: <id>.pack.json.delta-<old version>.json
           with its .sig and the files it names (docs/list-format.md, "Pack deltas").`;

/**
 * Writes the pack delta for an NDJSON delta into `dir`: each part's filters, digest tables and shards (through the
 * same writer as \`list pack\`, without the part's own manifest), then the signed delta manifest, last.
 */
async function writePackDelta(header: DeltaHeader, ops: DeltaOp[], dir: string, key: PrivateJwk, now: () => number): Promise<{ file: string; download: number }> {
  let download = 0;
  const delta = await packDelta(header, ops, async (open, partId) => {
    const { manifest } = await writePack(open, partId, dir, key, { now });
    // The delta manifest carries each part's manifest; the part's own signed copy is not published.
    await rm(join(dir, `${partId}.pack.json`), { force: true });
    await rm(join(dir, `${partId}.pack.json.sig`), { force: true });
    for (const kind of ['uscc', 'name'] as const) download += manifest.indexes[kind].filter.size + manifest.indexes[kind].digests.size;
    return manifest;
  });
  const bytes = deltaManifestBytes(delta);
  const file = join(dir, `${header.id}.pack.json.delta-${header.from.version}.json`);
  await writeFile(`${file}.sig`, `${JSON.stringify(await signList(bytes, key), null, 2)}\n`);
  await writeFile(file, bytes);
  return { file, download: download + bytes.length };
}

/** `xinbiao list diff`: one JSON summary. */
export async function diff(files: string[], parsed: ParsedArgs, now: () => number): Promise<number> {
  if (files.length !== 2) throw new UsageError(both('diff 需要两个文件：<旧.ndjson> <新.ndjson>', 'diff takes two files: <old.ndjson> <new.ndjson>'));
  const key = await readPrivateKey(strFlag(parsed, 'key'));
  const keys = singleKey(publicHalf(key), key.kid);
  const [oldFile, newFile] = files as [string, string];
  const fail = (e: ListError, file: string) => {
    say(`${file}: ${e.zh} / ${e.en}`);
    emit({ file, ok: false, error: { code: e.code, en: e.en, zh: e.zh } });
    return EXIT.invalid;
  };
  for (const file of files) {
    let sig: Uint8Array;
    try {
      sig = await readFile(`${file}.sig`);
    } catch {
      return fail(new ListError('bad-signature-file', `${file}.sig not found`), file);
    }
    let r = await verifyList(createReadStream(file), sig, keys, { now });
    // An expired old edition is checked as of its own issue time: subscribers may still hold it.
    if (file === oldFile && r.error?.code === 'expired' && r.summary) {
      const issued = Date.parse(r.summary.header.issued);
      r = await verifyList(createReadStream(file), sig, keys, { now: () => issued });
    }
    if (r.error) return fail(r.error, file);
  }
  const tmp = join(dirname(newFile), `.delta-${now()}.tmp`);
  try {
    await writeFile(tmp, '');
    let pending = '';
    const packDir = strFlag(parsed, 'pack');
    const ops: DeltaOp[] = [];
    const header = await diffLists(() => createReadStream(oldFile), () => createReadStream(newFile), {
      async line(text) {
        if (packDir && text.startsWith('{"op"')) ops.push(JSON.parse(text) as DeltaOp);
        pending += text;
        if (pending.length > 1 << 20) await appendFile(tmp, pending), (pending = '');
      },
    }, now());
    await appendFile(tmp, pending);
    const out = strFlag(parsed, 'out') ?? `${newFile}.delta-${header.from.version}.ndjson`;
    const bytes = await readFile(tmp);
    await writeFile(`${out}.sig`, `${JSON.stringify(await signList(bytes, key), null, 2)}\n`);
    await rename(tmp, out);
    const packed = packDir ? await writePackDelta(header, ops, packDir, key, now) : undefined;
    emit({ file: newFile, ok: true, id: header.id, from: header.from, to: header.to, operations: header.count, delta: out, bytes: bytes.length, ...(packed ? { packDelta: packed } : {}) });
    return EXIT.ok;
  } catch (err) {
    return fail(err instanceof ListError ? err : toListError(err), newFile);
  } finally {
    await rm(tmp, { force: true });
  }
}
