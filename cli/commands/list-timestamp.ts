import { createReadStream } from 'node:fs';
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { singleKey } from '../../core/lists';
import { toHex } from '../../core/crypto';
import { signList } from '../../core/lists';
import { TIMESTAMP_HOURS, makeTimestamp, timestampBytes } from '../../core/lists';
import { verifyList } from '../../core/lists';
import { EXIT, UsageError, both, emit, say, strFlag, type ParsedArgs } from '../io';
import { publicHalf, readPrivateKey } from './list-pack';

export const timestampHelp = `  xinbiao list timestamp --key <private.jwk.json> [--hours H] [--pack <dir>] <list.ndjson…>

  timestamp  verifies each signed list and writes <list>.timestamp.json with its .sig: the current edition's
           version and SHA-256, valid for H hours (default ${TIMESTAMP_HOURS}). Re-sign it on a schedule shorter than H;
           subscribers show a list whose timestamp lapsed or names a newer edition as not current. With --pack DIR
           the same signed timestamp is also written as DIR/<id>.pack.json.timestamp.json for the packed list.`;

/** `xinbiao list timestamp`: one JSON summary per file. */
export async function timestamp(files: string[], parsed: ParsedArgs, now: () => number): Promise<number> {
  const key = await readPrivateKey(strFlag(parsed, 'key'));
  const hoursText = strFlag(parsed, 'hours');
  const hours = hoursText === undefined ? TIMESTAMP_HOURS : Number(hoursText);
  if (!(hours > 0 && hours <= 24 * 7)) throw new UsageError(both('--hours 须为 0 到 168 之间的小时数', '--hours takes a number of hours between 0 and 168'));
  let ok = true;
  for (const file of files) {
    let sig: Uint8Array | undefined;
    try {
      sig = await readFile(`${file}.sig`);
    } catch {
      sig = undefined;
    }
    const r = sig ? await verifyList(createReadStream(file), sig, singleKey(publicHalf(key), key.kid), { now }) : undefined;
    const error = r?.error ?? (sig ? undefined : { code: 'bad-signature-file', en: `${file}.sig not found`, zh: `找不到签名文件 ${file}.sig` });
    if (error || !r?.summary) {
      say(`${file}: ${error?.zh} / ${error?.en}`);
      emit({ file, ok: false, error: error && { code: error.code, en: error.en, zh: error.zh } });
      ok = false;
      continue;
    }
    const ts = makeTimestamp(r.summary.header, toHex(r.summary.digest), now(), hours);
    const bytes = timestampBytes(ts);
    const out = `${file}.timestamp.json`;
    // The signature first, then the timestamp it covers, each replaced in one rename.
    await writeFile(`${out}.sig.tmp`, `${JSON.stringify(await signList(bytes, key), null, 2)}\n`);
    await writeFile(`${out}.tmp`, bytes);
    await rename(`${out}.sig.tmp`, `${out}.sig`);
    await rename(`${out}.tmp`, out);
    const packDir = strFlag(parsed, 'pack');
    const packOut = packDir && join(packDir, `${ts.id}.pack.json.timestamp.json`);
    if (packOut) {
      await copyFile(`${out}.sig`, `${packOut}.sig`);
      await copyFile(out, packOut);
    }
    emit({ file, ok: true, id: ts.id, version: ts.version, sha256: ts.sha256, issued: ts.issued, expires: ts.expires, timestamp: out, ...(packOut ? { packTimestamp: packOut } : {}) });
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
