import { readFile, rename, writeFile } from 'node:fs/promises';
import { loadTrustList, TrustList, signTrustList, trustErrorText, TrustListError, verifyTrustList } from '../../core/trust';
import { EXIT, InputError, UsageError, both, emit, parseArgs, say, strFlag, withSubcommands, type Named } from '../io';
import { cannotRead, readJsonFile, readPrivateKey, readPublicKey, unexpected, withInputErrors } from './keys';
import { firstIssuePair } from '../../core/model';

const help = `Usage: xinbiao trust sign --key ROOT.private.jwk.json --in issuers.json --out trust.jws
       xinbiao trust verify --root ROOT.public.jwk.json [--now ISO-TIME] <trust.jws…>

sign    checks issuers.json against the trust-list format (xinbiao-trust/1) and writes it as a compact JWS
        signed by the root key. Refuses what verifiers refuse: origin ports outside 1-65535, a key id or issuer
        id used twice, a signed list over 65536 characters. Prints {"out","kid","version","issuers"}.
verify  checks each file's signature against the root public key, its format and its issued/expires window
        (at --now, default the current time). Prints {"file","ok":true,"version","expires","issuers":[…]} or
        {"file","ok":false,"error":"malformed"|"wrong-root"|"bad-signature"|"not-yet-valid"|"expired","message"}.
Exit 0 on success, 1 when an input is invalid, 2 on usage errors.`;

/** Reads a trust-list file and verifies it against the root key file (core/trust loadTrustList); InputError names the file and the failure. */
export async function loadTrust(trustPath: string, rootPath: string, now: number): Promise<TrustList> {
  const r = await loadTrustList((path) => readFile(path, 'utf8'), { trust: trustPath, root: rootPath }, now);
  if (!r.ok) {
    const [zh, en] = trustErrorText(r);
    throw new InputError(`信任名单 ${trustPath}：${zh} / trust list ${trustPath}: ${en}`);
  }
  return r.trust;
}

/** Reads a text file, naming it in the error. */
export async function readText(path: string, what: Named): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (err) {
    throw cannotRead(what, path, err);
  }
}

/** --now as ms since the epoch (default: the current time). */
export function nowFlag(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(both(`--now ${JSON.stringify(value)} 不是日期时间（例如 2026-11-21T00:00:00+08:00）`, `--now ${JSON.stringify(value)} is not a date-time (use e.g. 2026-11-21T00:00:00+08:00)`));
  return t;
}

const ISSUERS: Named = ['签发者文件', 'issuers file'];
const TRUST_LIST: Named = ['信任名单', 'trust list'];
// The format problem itself is the schema's (English) words.
const badIssuers = (path: string, [zh, en]: readonly [string, string]) => new InputError(both(`签发者文件 ${path} 不合格式：${zh}`, `issuers file ${path}: ${en}`));

async function sign(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key', 'in', 'out'] });
  const [key, input, out] = ['key', 'in', 'out'].map((n) => strFlag(parsed, n));
  if (!key || !input || !out) throw new UsageError(both('trust sign 需要 --key、--in 和 --out', 'trust sign needs --key, --in and --out'));
  if (parsed.positionals.length) throw new UsageError(unexpected(parsed.positionals[0]!));
  return withInputErrors('trust sign', async () => {
    const rootKey = await readPrivateKey(key);
    const json = await readJsonFile(input, ISSUERS);
    const parsedTrust = TrustList.safeParse(json);
    if (!parsedTrust.success) throw badIssuers(input, firstIssuePair(parsedTrust.error));
    let jws: string;
    try {
      jws = await signTrustList(parsedTrust.data, rootKey);
    } catch (err) {
      if (err instanceof TrustListError) throw badIssuers(input, [err.zh, err.en]);
      throw err;
    }
    // Write then rename, so a reader never sees half a trust list.
    await writeFile(`${out}.tmp`, `${jws}\n`);
    await rename(`${out}.tmp`, out);
    emit({ out, kid: rootKey.kid, version: parsedTrust.data.version, issuers: parsedTrust.data.issuers.map((i) => i.id) });
    return EXIT.ok;
  });
}

async function verify(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['root', 'now'] });
  const rootPath = strFlag(parsed, 'root');
  if (!rootPath) throw new UsageError(both('trust verify 需要 --root', 'trust verify needs --root'));
  if (parsed.positionals.length === 0) throw new UsageError(both('请至少给出一个信任名单文件', 'give at least one trust-list file'));
  const now = nowFlag(strFlag(parsed, 'now'));
  return withInputErrors('trust verify', async () => {
    const root = await readPublicKey(rootPath);
    let ok = true;
    for (const file of parsed.positionals) {
      let jws: string;
      try {
        jws = await readText(file, TRUST_LIST);
      } catch (err) {
        say(`xinbiao trust verify: ${(err as Error).message}`);
        emit({ file, ok: false, error: 'unreadable', message: (err as Error).message });
        ok = false;
        continue;
      }
      const r = await verifyTrustList(jws, root, now);
      if (r.ok) {
        emit({ file, ok: true, version: r.trust.version, expires: r.trust.expires, rootKid: r.rootKid,
          issuers: r.trust.issuers.map((i) => ({ id: i.id, name: i.name, kind: i.kind, origins: i.origins, keys: i.keys.map((k) => k.kid), revoked: i.revoked.map((k) => k.kid) })) });
      } else {
        ok = false;
        const [zh, en] = trustErrorText(r);
        say(`xinbiao trust verify: ${file}: ${zh} / ${en}`);
        emit({ file, ok: false, error: r.error, message: en });
      }
    }
    return ok ? EXIT.ok : EXIT.invalid;
  });
}

export default withSubcommands('publish and check the signed trust list of issuers', help, { sign, verify });
