import { rename, writeFile } from 'node:fs/promises';
import { constants, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { base64urlDecode } from '../../core/crypto';
import { verifyBytes, type PrivateJwk } from '../../core/crypto';
import { MIN_STATUS_BITS, MAX_STATUS_BITS, STATUS_TYP, StatusListPayload, setBit, signStatusList, verifyStatusList, statusErrorText, type StatusCodec } from '../../core/status';
import { decodeCompactJws } from '../../core/trust';
import { findIssuer } from '../../core/trust';
import { firstIssuePair } from '../../core/model';
import { MAX_STATUS_JWS_LENGTH } from '../../core/status';
import { EXIT, InputError, UsageError, both, emit, intFlag, parseArgs, say, strFlag, withSubcommands, type Named } from '../io';
import { readPrivateKey, unexpected, withInputErrors } from './keys';
import { loadTrust, nowFlag, readText } from './trust';

export const STATUS_LIST: Named = ['状态列表', 'status list'];

const help = `Usage: xinbiao status sign --key PLATFORM.private.jwk.json --iss ISSUER-ID --url URL --out status.jws
                           [--size BITS] [--from status.jws] [--revoke IDX,IDX…] [--hours H] [--now ISO-TIME]
       xinbiao status verify --trust trust.jws --root ROOT.public.jwk.json [--now ISO-TIME] <status.jws…>

A status list holds one bit per mark an issuer has issued (the mark's "status": {"idx"}); a set bit means the
mark is withdrawn. It is signed with one of the issuer's platform keys, compressed (gzip), and published whole at
the URL the trust list declares for the issuer (docs/status-list.md). Clients use it until its "expires" and
then treat marks as "status unknown", so re-sign it at least that often.

sign    writes a status list: all bits clear (--size, default ${MIN_STATUS_BITS}, a multiple of 8), or the bits of
        --from (an earlier list, checked against --key), then sets the --revoke indices; issued = --now,
        expires = issued + --hours (default 24). Prints {"out","iss","size","revoked","issued","expires","bytes"}.
verify  checks each file against the trust list: signed by a platform key of the issuer it names, at that
        issuer's declared URL, issued and not past expires at --now. Prints {"file","ok":true,"iss","size",
        "revoked","issued","expires"} or {"file","ok":false,"error","message"}.
Exit 0 on success, 1 when an input is invalid, 2 on usage errors.`;

/** gzip/deflate through node:zlib (level 9 for the smallest lists); stops at maxBytes when decompressing. */
export const nodeStatusCodec: StatusCodec = {
  compress: async (bytes, format) => new Uint8Array((format === 'gzip' ? gzipSync : deflateSync)(bytes, { level: constants.Z_BEST_COMPRESSION })),
  decompress: async (bytes, format, maxBytes) => new Uint8Array((format === 'gzip' ? gunzipSync : inflateSync)(bytes, { maxOutputLength: Math.max(1, maxBytes) })),
};

/** The bits of a status list the holder of `key` signed (its own earlier list), or InputError. */
export async function readOwnStatus(path: string, key: PrivateJwk): Promise<{ payload: StatusListPayload; bits: Uint8Array }> {
  const jws = await readText(path, STATUS_LIST);
  let decoded;
  try {
    decoded = decodeCompactJws(jws, STATUS_TYP, MAX_STATUS_JWS_LENGTH);
  } catch (err) {
    throw new InputError(both(`状态列表 ${path}：${(err as Error).message}`, `status list ${path}: ${(err as Error).message}`));
  }
  if (decoded.header.kid !== key.kid || !(await verifyBytes(key, decoded.signingInput, decoded.signature))) throw new InputError(both(`状态列表 ${path} 不是用 ${key.kid} 签署的`, `status list ${path} is not signed with ${key.kid}`));
  const parsed = StatusListPayload.safeParse(decoded.payload);
  if (!parsed.success) {
    const [zh, en] = firstIssuePair(parsed.error);
    throw new InputError(both(`状态列表 ${path} 不合格式：${zh}`, `status list ${path}: ${en}`));
  }
  const bits = await nodeStatusCodec.decompress(base64urlDecode(parsed.data.list), parsed.data.compression, parsed.data.size / 8);
  if (bits.length * 8 !== parsed.data.size) throw new InputError(both(`状态列表 ${path}：位数与声明的大小不符`, `status list ${path}: its bits do not match its size`));
  return { payload: parsed.data, bits };
}

/** Signs `bits` for `iss` at `url`, issued `now`, valid `hours`, and writes it atomically; returns what to print. */
export async function writeStatus(out: string, key: PrivateJwk, iss: string, url: string, bits: Uint8Array, now: number, hours: number) {
  const issued = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const expires = new Date(now + hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let jws: string;
  try {
    jws = await signStatusList({ iss, url, issued, expires, bits }, key, nodeStatusCodec);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  // Write then rename, so a client never fetches half a list.
  await writeFile(`${out}.tmp`, `${jws}\n`);
  await rename(`${out}.tmp`, out);
  return { out, iss, size: bits.length * 8, revoked: countSet(bits), issued, expires, bytes: jws.length + 1 };
}

const countSet = (bits: Uint8Array) => bits.reduce((n, b) => { for (let v = b; v; v &= v - 1) n++; return n; }, 0);

async function sign(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key', 'iss', 'url', 'out', 'size', 'from', 'revoke', 'hours', 'now'] });
  const [keyPath, iss, url, out] = ['key', 'iss', 'url', 'out'].map((n) => strFlag(parsed, n));
  if (!keyPath || !iss || !url || !out) throw new UsageError(both('status sign 需要 --key、--iss、--url 和 --out', 'status sign needs --key, --iss, --url and --out'));
  if (parsed.positionals.length) throw new UsageError(unexpected(parsed.positionals[0]!));
  const size = intFlag(parsed, 'size', MIN_STATUS_BITS, 8, MAX_STATUS_BITS);
  if (size % 8) throw new UsageError(both('--size 须为 8 的倍数', '--size must be a multiple of 8'));
  const hours = intFlag(parsed, 'hours', 24, 1, 24 * 31);
  const now = nowFlag(strFlag(parsed, 'now'));
  const revoke = (strFlag(parsed, 'revoke') ?? '').split(',').filter(Boolean).map((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(both(`--revoke ${JSON.stringify(v)} 不是序号`, `--revoke ${JSON.stringify(v)} is not an index`));
    return n;
  });
  return withInputErrors('status sign', async () => {
    const key = await readPrivateKey(keyPath);
    const from = strFlag(parsed, 'from');
    const bits = from ? (await readOwnStatus(from, key)).bits : new Uint8Array(size / 8);
    for (const idx of revoke) {
      if (idx >= bits.length * 8) throw new InputError(both(`--revoke ${idx} 超出列表范围（共 ${bits.length * 8} 位）`, `--revoke ${idx} is outside the list (${bits.length * 8} bits)`));
      setBit(bits, idx, true);
    }
    emit(await writeStatus(out, key, iss, url, bits, now, hours));
    return EXIT.ok;
  });
}

async function verify(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['trust', 'root', 'now'] });
  const [trustPath, rootPath] = ['trust', 'root'].map((n) => strFlag(parsed, n));
  if (!trustPath || !rootPath) throw new UsageError(both('status verify 需要 --trust 和 --root', 'status verify needs --trust and --root'));
  if (parsed.positionals.length === 0) throw new UsageError(both('请至少给出一个状态列表文件', 'give at least one status-list file'));
  const now = nowFlag(strFlag(parsed, 'now'));
  return withInputErrors('status verify', async () => {
    const trust = await loadTrust(trustPath, rootPath, now);
    let ok = true;
    for (const file of parsed.positionals) {
      const jws = await readText(file, STATUS_LIST).catch((err: Error) => err);
      let iss: unknown;
      try {
        if (typeof jws === 'string') iss = (decodeCompactJws(jws, STATUS_TYP, MAX_STATUS_JWS_LENGTH).payload as { iss?: unknown })?.iss;
      } catch {
        // verifyStatusList names the problem below
      }
      const issuer = typeof iss === 'string' ? findIssuer(trust, iss) : undefined;
      const r = typeof jws !== 'string'
        ? { ok: false as const, error: 'unreachable' as const, detail: jws.message }
        : issuer
          ? await verifyStatusList(jws, { trust, issuer, now, codec: nodeStatusCodec })
          : { ok: false as const, error: 'issuer-mismatch' as const, detail: `${String(iss)} is not in the trust list` };
      if (r.ok) emit({ file, ok: true, iss: r.issuer, size: r.size, revoked: countSet(r.bits), issued: r.issued, expires: r.expires });
      else {
        ok = false;
        const [zh, en] = statusErrorText(r);
        say(`${file}: ${zh} / ${en}`);
        emit({ file, ok: false, error: r.error, message: en });
      }
    }
    return ok ? EXIT.ok : EXIT.invalid;
  });
}

export default withSubcommands('publish and check signed status lists that withdraw marks', help, { sign, verify });
