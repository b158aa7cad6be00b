import { createReadStream } from 'node:fs';
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { singleKey } from '../../core/lists/checks';
import { diffLists } from '../../core/lists/delta';
import { ListError, toListError } from '../../core/lists/errors';
import { signList } from '../../core/lists/sign';
import { verifyList } from '../../core/lists/verify';
import { EXIT, UsageError, emit, say, strFlag, type ParsedArgs } from '../io';
import { publicHalf, readPrivateKey } from './list-pack';

export const diffHelp = `  xinbiao list diff --key <private.jwk.json> [--out <delta.ndjson>] <old.ndjson> <new.ndjson>

  diff     verifies two signed versions of one list with the key's public half and writes the signed delta
           between them (format xinbiao-delta/1: removed and added entries, naming the version and SHA-256 it
           applies to), by default <new>.delta-<old version>.ndjson, with its .sig: the name subscribers of
           <new> look for when they hold the old version.`;

/** `xinbiao list diff`: one JSON summary. */
export async function diff(files: string[], parsed: ParsedArgs, now: () => number): Promise<number> {
  if (files.length !== 2) throw new UsageError('diff takes two files: <old.ndjson> <new.ndjson>');
  const key = await readPrivateKey(strFlag(parsed, 'key'));
  const keys = singleKey(publicHalf(key), key.kid);
  const [oldFile, newFile] = files as [string, string];
  const fail = (e: ListError, file: string) => {
    say(`${file}: ${e.en} / ${e.zh}`);
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
    const header = await diffLists(() => createReadStream(oldFile), () => createReadStream(newFile), {
      async line(text) {
        pending += text;
        if (pending.length > 1 << 20) await appendFile(tmp, pending), (pending = '');
      },
    }, now());
    await appendFile(tmp, pending);
    const out = strFlag(parsed, 'out') ?? `${newFile}.delta-${header.from.version}.ndjson`;
    const bytes = await readFile(tmp);
    await writeFile(`${out}.sig`, `${JSON.stringify(await signList(bytes, key), null, 2)}\n`);
    await rename(tmp, out);
    emit({ file: newFile, ok: true, id: header.id, from: header.from, to: header.to, operations: header.count, delta: out, bytes: bytes.length });
    return EXIT.ok;
  } catch (err) {
    return fail(err instanceof ListError ? err : toListError(err), newFile);
  } finally {
    await rm(tmp, { force: true });
  }
}
