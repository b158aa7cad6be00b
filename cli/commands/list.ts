import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { base64urlEncode } from '../../core/crypto';
import { isPublicJwk, signBytes, type PrivateJwk, type PublicJwk } from '../../core/crypto';
import { toHex } from '../../core/crypto';
import { singleKey, type KeyLookup } from '../../core/lists';
import { ListError, toListError } from '../../core/lists';
import { scanList } from '../../core/lists';
import type { ListSignature } from '../../core/lists';
import { verifyList, type VerifyResult } from '../../core/lists';
import { listKeys, loadTrustList, trustErrorText } from '../../core/trust';
import { isPackManifest, openPackFile } from '../../server/pack-files';
import { importIntoDatabase } from './list-database';
import { EXIT, InputError, UsageError, both, emit, parseArgs, say, strFlag, type Command, type ParsedArgs } from '../io';
import { diff, diffHelp } from './list-diff';
import { pack, packHelp } from './list-pack';
import { timestamp, timestampHelp } from './list-timestamp';
import { isAdapterFile, signAdapterFile, verifyAdapterFile } from './list-adapters';

const help = `Usage:
  xinbiao list sign --key <private.jwk.json> <file.ndjson | ID.adapters.json…>
  xinbiao list verify (--trust <trust.jws> --root <root.public.jwk.json> | --pub <public.jwk.json>) <file.ndjson | ID.pack.json | ID.adapters.json…>
  xinbiao list import [--trust T --root R | --pub K] [--database <dir | postgres://…>] <file.ndjson | ID.pack.json…>
${packHelp}
${diffHelp}
${timestampHelp}

Credit list files (format xinbiao-list/1): a JSON header line, then one JSON entry per line, with a detached
signature <file>.sig (Ed25519 over the SHA-256 of the exact file bytes). Every file is read streaming.

  sign     checks every line, then writes <file>.sig with the key's kid. A file with bad lines is not signed.
  verify   checks every line, the stated count, the digest and the signature with a publisher key from the
           signed trust list (--trust + --root) or a bare public key (--pub); refuses expired lists.
  import   the same checks as a browser import. Without --database it only validates the lines (and the digest
           when a .sig is next to the file). With --database (a directory for the embedded database, or a
           postgres:// URL; --trust and --root required) each file that passes is put in force in one
           transaction, replacing an older version of the same list id, as 'xinbiao serve --database' reads it;
           the same version is left as is, an older one is refused, and a failed import changes nothing.
  A packed list (ID.pack.json from 'list pack', with its .sig and the files beside it) is read the same way by
  verify and import: the manifest's signature, every filter, digest table and shard, and the stated count; with
  --database its entries are put in force as the NDJSON it was packed from would be. A publisher key is required.
  打包名单（ID.pack.json）同样逐一校验后导入。
  Site adapter data (ID.adapters.json, format xinbiao-adapters/1, docs/adapter-data.md) is signed and verified
  the same way: sign checks the format (unknown fields, sizes, the pattern rule) first; verify takes the key of an
  adapter-publisher issuer from the trust list (a list or platform key is wrong-role). It is not imported.
  站点适配数据（ID.adapters.json）同样用 sign 签名、用 verify 校验，只接受适配数据发布者（adapter-publisher）的密钥。
  导入名单：逐行校验并验证签名；指定 --database 时以单个事务写入数据库，失败则保持原版本。

Options: --now <ISO time> checks expiry at that time instead of now.
Prints one JSON summary per file on stdout; bad lines as <file>:<line>: <reason> on stderr.
Exit 0 when every file passes, 1 when any does not, 2 on usage errors.`;

const readJson = async (path: string, what: string): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new UsageError(both(`无法读取 ${path}：${(err as Error).message}`, `cannot read ${what} ${path}: ${(err as Error).message}`));
  }
};

/** Publisher keys from --trust + --root (or a bare --pub key); a usage error when required and missing. */
export async function keysFrom(parsed: ParsedArgs, now: () => number, required: boolean, role: 'list-publisher' | 'adapter-publisher' = 'list-publisher'): Promise<KeyLookup | undefined> {
  const pub = strFlag(parsed, 'pub');
  const trust = strFlag(parsed, 'trust');
  const root = strFlag(parsed, 'root');
  if (pub && (trust || root)) throw new UsageError(both('--pub 与 --trust/--root 只能二选一', 'give either --pub or --trust with --root, not both'));
  if (pub) {
    const key = await readJson(pub, 'public key');
    if (!isPublicJwk(key)) throw new UsageError(both(`${pub} 不是 Ed25519 公钥 JWK`, `${pub} is not an Ed25519 public JWK`));
    return singleKey(key, (key as PublicJwk).kid);
  }
  if (trust || root) {
    if (!trust || !root) throw new UsageError(both('--trust 和 --root 须一起给出', '--trust and --root go together'));
    const result = await loadTrustList((path) => readFile(path, 'utf8'), { trust, root }, now());
    if (!result.ok && (result.error === 'unreadable' || result.error === 'bad-root')) throw new UsageError(trustErrorText(result).join(' / '));
    if (!result.ok) {
      const [zh, en] = trustErrorText(result);
      throw new InputError(both(`信任名单 ${trust} 无效：${zh}`, `the trust list ${trust} is not valid: ${en}`));
    }
    return listKeys(result.trust, now, role);
  }
  if (required) throw new UsageError(both('请给出 --pub <公钥>，或 --trust <trust.jws> --root <根公钥>', 'give --pub <key> or --trust <trust.jws> --root <root key>'));
  return undefined;
}

async function readSig(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(`${file}.sig`);
  } catch {
    return undefined;
  }
}

function report(file: string, r: VerifyResult, extra: Record<string, unknown> = {}): boolean {
  const s = r.summary;
  for (const b of s?.badLines ?? []) say(`${file}:${b.line}: ${b.reason}`);
  if (s && s.badLineCount > s.badLines.length) say(`${file}: ${both(`……另有 ${s.badLineCount - s.badLines.length} 行有误`, `… and ${s.badLineCount - s.badLines.length} more bad lines`)}`);
  if (r.error) say(`${file}${r.error.line ? `:${r.error.line}` : ''}: ${r.error.zh} / ${r.error.en}`);
  emit({
    file, ok: !r.error,
    ...(s ? { id: s.header.id, kind: s.header.kind, version: s.header.version, keyId: s.header.keyId, expires: s.header.expires, entries: s.entries, lines: s.lines, bytes: s.bytes, sha256: toHex(s.digest), badLines: s.badLineCount } : {}),
    signature: r.signature,
    ...(r.error ? { error: { code: r.error.code, en: r.error.en, zh: r.error.zh, ...(r.error.line ? { line: r.error.line } : {}) } } : {}),
    ...extra,
  });
  return !r.error;
}

async function check(file: string, keys: KeyLookup | undefined, now: () => number): Promise<VerifyResult> {
  try {
    await stat(file);
  } catch {
    return { error: new ListError('read-failed', `${file} not found`), signature: 'none' };
  }
  const sig = await readSig(file);
  if (keys && !sig) return { error: new ListError('bad-signature-file', `${file}.sig not found`), signature: 'none' };
  return verifyList(createReadStream(file), sig, keys, { now });
}

/**
 * Checks a packed list as an import would (manifest signature and key, every filter, digest table and shard, the
 * stated count) and prints its JSON summary; a publisher key is required.
 */
async function checkPack(file: string, keys: KeyLookup | undefined, now: () => number): Promise<boolean> {
  try {
    if (!keys) throw new ListError('unknown-key', 'a packed list is checked with a publisher key: give --trust and --root, or --pub');
    const pack = await openPackFile(file, keys, now());
    let entries = 0;
    for await (const batch of pack.entries()) entries += batch.length;
    const { manifest } = pack;
    const h = manifest.list;
    emit({ file, ok: true, pack: true, id: h.id, kind: h.kind, version: h.version, keyId: h.keyId, expires: h.expires, entries, sha256: manifest.source.sha256, signature: 'verified' });
    return true;
  } catch (err) {
    const e = toListError(err);
    say(`${file}: ${e.zh} / ${e.en}`);
    emit({ file, ok: false, pack: true, signature: 'none', error: { code: e.code, en: e.en, zh: e.zh } });
    return false;
  }
}

async function sign(files: string[], parsed: ParsedArgs): Promise<number> {
  const keyPath = strFlag(parsed, 'key');
  if (!keyPath) throw new UsageError(both('需要 --key <private.jwk.json>', '--key <private.jwk.json> is required'));
  const key = (await readJson(keyPath, 'private key')) as PrivateJwk;
  if (!isPublicJwk(key) || typeof key.d !== 'string') throw new UsageError(both(`${keyPath} 不是 Ed25519 私钥 JWK`, `${keyPath} is not an Ed25519 private JWK`));
  if (!key.kid) throw new UsageError(both(`${keyPath} 缺少 kid`, `${keyPath} has no kid`));
  let ok = true;
  for (const file of files) {
    if (isAdapterFile(file)) {
      if (!(await signAdapterFile(file, key as PrivateJwk & { kid: string }))) ok = false;
      continue;
    }
    let summary;
    try {
      summary = await scanList(createReadStream(file));
    } catch (err) {
      const e = err instanceof ListError ? err : new ListError('read-failed', (err as Error).message);
      report(file, { error: e, signature: 'none' });
      ok = false;
      continue;
    }
    const problem = summary.badLineCount ? new ListError('bad-lines', `${summary.badLineCount} bad line(s); not signed`, summary.badLines[0]?.line)
      : summary.header.keyId !== key.kid ? new ListError('key-mismatch', `header names ${summary.header.keyId}, key is ${key.kid}`, 1)
      : summary.header.count !== undefined && summary.header.count !== summary.entries ? new ListError('count-mismatch', `${summary.entries} entries, header says ${summary.header.count}`)
      : undefined;
    if (problem) {
      report(file, { summary, error: problem, signature: 'none' });
      ok = false;
      continue;
    }
    const sig: ListSignature = { format: 'xinbiao-list-sig/1', alg: 'Ed25519-SHA256', keyId: key.kid, sha256: toHex(summary.digest), size: summary.bytes, signature: base64urlEncode(await signBytes(key, summary.digest)) };
    await writeFile(`${file}.sig`, `${JSON.stringify(sig, null, 2)}\n`);
    report(file, { summary, signature: 'verified' }, { sig: `${file}.sig` });
  }
  return ok ? EXIT.ok : EXIT.invalid;
}

const command: Command = {
  summary: 'publish and check signed credit list files',
  help,
  async run(args) {
    const [sub, ...rest] = args;
    const parsed = parseArgs(rest, { values: ['key', 'trust', 'root', 'pub', 'database', 'now', 'out', 'k', 'hours', 'pack'] });
    const files = parsed.positionals;
    if (sub !== 'sign' && sub !== 'verify' && sub !== 'import' && sub !== 'pack' && sub !== 'diff' && sub !== 'timestamp') throw new UsageError(sub ? both(`未知子命令“${sub}”`, `unknown subcommand '${sub}'`) : both('请给出子命令：sign、verify、import、pack、diff 或 timestamp', 'give a subcommand: sign, verify, import, pack, diff or timestamp'));
    if (files.length === 0) throw new UsageError(both('请至少给出一个名单文件', 'give at least one list file'));
    const nowFlag = strFlag(parsed, 'now');
    const fixed = nowFlag === undefined ? undefined : Date.parse(nowFlag);
    if (fixed !== undefined && Number.isNaN(fixed)) throw new UsageError(both('--now 须为 ISO 日期时间', '--now takes an ISO date-time'));
    const now = () => fixed ?? Date.now();
    if (sub === 'sign') return sign(files, parsed);
    if (sub === 'pack') return pack(files, parsed, now);
    if (sub === 'diff') return diff(files, parsed, now);
    if (sub === 'timestamp') return timestamp(files, parsed, now);
    const db = strFlag(parsed, 'database');
    if (sub === 'verify' && db) throw new UsageError(both('--database 只用于 import', '--database belongs to import'));
    if (db && strFlag(parsed, 'pub')) throw new UsageError(both('--database 从信任名单取发布者密钥：请给出 --trust 和 --root', '--database takes publisher keys from the trust list: give --trust and --root'));
    const keys = await keysFrom(parsed, now, sub === 'verify' || db !== undefined);
    if (files.some(isAdapterFile) && sub === 'import') throw new UsageError(both('站点适配数据不导入数据库：请用 list verify 校验', 'adapter data is not imported into a database: check it with list verify'));
    if (db) return importIntoDatabase(db, files, keys!, now);
    // Adapter data takes adapter publishers' keys from the same trust list (it loaded above).
    const adapterKeys = files.some(isAdapterFile) ? await keysFrom(parsed, now, true, 'adapter-publisher') : undefined;
    let ok = true;
    for (const file of files) {
      const passed = isAdapterFile(file) ? await verifyAdapterFile(file, adapterKeys!, now)
        : isPackManifest(file) ? await checkPack(file, keys, now) : report(file, await check(file, keys, now));
      if (!passed) ok = false;
    }
    return ok ? EXIT.ok : EXIT.invalid;
  },
};
export default command;
