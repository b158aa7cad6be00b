import { MARK_RULES_ZH, MarkPayload, decodeMark, signMark, verifyMark } from '../../core/marks';
import { createStatusSource, setBit } from '../../core/status';
import { EXIT, InputError, UsageError, both, emit, intFlag, parseArgs, say, strFlag, withSubcommands } from '../io';
import { nodeStatusCodec, readOwnStatus, STATUS_LIST, writeStatus } from './status';
import { readJsonFile, readPrivateKey, unexpected, withInputErrors } from './keys';
import { loadTrust, nowFlag, readText } from './trust';
import { firstIssuePair } from '../../core/model';
import { signShops } from './mark-batch';

const MARK_FILE = ['标识文件', 'mark file'] as const;

const help = `Usage: xinbiao mark sign --key PLATFORM.private.jwk.json (--payload PAYLOAD.json | --shops SHOPS.ndjson|.csv)
       xinbiao mark verify --trust trust.jws --root ROOT.public.jwk.json --url PAGE-URL [--status status.jws] [--now ISO-TIME] <token-or-file…>
       xinbiao mark revoke --key PLATFORM.private.jwk.json --status status.jws [--hours H] [--now ISO-TIME] <index-or-token-or-file…>

sign    checks the payload against the mark format (docs/marks.md) and signs it as a compact JWS
        (EdDSA, typ xinbiao-mark+jws, kid from the key). "iat" defaults to now. Prints {"payload","kid","token"}.
        --shops signs one mark per shop: NDJSON of payloads, or CSV whose header names payload fields by path
        (iss,exp,sub.uscc,sub.name,sub.kind,shop.name,identity.…,credit,bind.origin,bind.path; JSON in a cell
        for arrays). Prints {"line","kid","uscc","token"} or {"line","error"} per shop. 批量签发店铺标识。
verify  verifies the trust list with the root key, then each mark (a token, or a file holding one) as shown
        on PAGE-URL at --now (default the current time). Prints one line per input:
        {"input","outcome","reason":{"zh","en"},"detail"?,"issuer"?,"payload"?}
        outcome: genuine | copied | tampered | expired | unknown-issuer | revoked-key | malformed | revoked |
        status-unknown. When the trust list declares a status list for the issuer, it is fetched whole from
        that URL, or read from --status; unreachable, invalid or stale gives status-unknown, never genuine.
revoke  sets each mark's bit (its "status" idx, or a bare index) in the issuer's status list --status, signed
        by --key, and re-signs it (issued = --now, expires = issued + --hours, default 24), in place.
        Prints {"input","idx","revoked":true} per input; the new list's summary goes to stderr.
Exit 0 when every mark is signed (sign), genuine (verify) or withdrawn (revoke), 1 when any is not or a file is bad
(sign --shops: a row refused, or no shop in the file), 2 on usage errors; sign --shops stopped by SIGINT or SIGTERM
ends after a whole line and exits 130 or 143.`;

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

async function sign(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key', 'payload', 'shops'] });
  const key = strFlag(parsed, 'key');
  const payloadPath = strFlag(parsed, 'payload');
  const shops = strFlag(parsed, 'shops');
  if (!key || !payloadPath === !shops) throw new UsageError(both('mark sign 需要 --key，以及 --payload 或 --shops 之一', 'mark sign needs --key and one of --payload or --shops'));
  if (parsed.positionals.length) throw new UsageError(unexpected(parsed.positionals[0]!));
  return withInputErrors('mark sign', async () => {
    const privateKey = await readPrivateKey(key);
    if (shops) return signShops(shops, privateKey);
    if (!payloadPath) return EXIT.usage;
    const raw = await readJsonFile(payloadPath, ['标识内容文件', 'payload file']);
    const withIat = raw && typeof raw === 'object' && !('iat' in raw) ? { ...raw, iat: Math.floor(Date.now() / 1000) } : raw;
    const payload = MarkPayload.safeParse(withIat);
    if (!payload.success) {
      const [zh, en] = firstIssuePair(payload.error, '(root)', MARK_RULES_ZH);
      throw new InputError(both(`标识内容文件 ${payloadPath} 不合格式：${zh}`, `payload file ${payloadPath}: ${en}`));
    }
    emit({ payload: payloadPath, kid: privateKey.kid, token: await signMark(payload.data, privateKey) });
    return EXIT.ok;
  });
}

async function verify(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['trust', 'root', 'url', 'now', 'status'] });
  const [trustPath, rootPath, url] = ['trust', 'root', 'url'].map((n) => strFlag(parsed, n));
  if (!trustPath || !rootPath || !url) throw new UsageError(both('mark verify 需要 --trust、--root 和 --url', 'mark verify needs --trust, --root and --url'));
  try {
    new URL(url);
  } catch {
    throw new UsageError(both(`--url ${JSON.stringify(url)} 不是完整网址`, `--url ${JSON.stringify(url)} is not an absolute URL`));
  }
  if (parsed.positionals.length === 0) throw new UsageError(both('请至少给出一个标识或文件', 'give at least one token or file'));
  const now = nowFlag(strFlag(parsed, 'now'));
  return withInputErrors('mark verify', async () => {
    const trust = await loadTrust(trustPath, rootPath, now);
    const statusPath = strFlag(parsed, 'status');
    const statusText = statusPath === undefined ? undefined : await readText(statusPath, STATUS_LIST);
    const status = createStatusSource({
      fetch: (u) => (statusText === undefined ? fetch(u, { redirect: 'error' }) : Promise.resolve(new Response(statusText))),
      now: () => now,
      trust: () => trust,
      codec: nodeStatusCodec,
    });
    let allGenuine = true;
    for (const input of parsed.positionals) {
      let token: string;
      try {
        token = TOKEN.test(input) ? input : await readText(input, MARK_FILE);
      } catch (err) {
        say(`xinbiao mark verify: ${(err as Error).message}`);
        emit({ input, outcome: 'malformed', reason: { zh: '无法读取文件', en: (err as Error).message }, detail: 'unreadable' });
        allGenuine = false;
        continue;
      }
      const r = await verifyMark(token, { trust, pageUrl: url, now, status });
      if (r.outcome !== 'genuine') allGenuine = false;
      emit({ input, ...r });
    }
    return allGenuine ? EXIT.ok : EXIT.invalid;
  });
}

async function revoke(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key', 'status', 'hours', 'now'] });
  const keyPath = strFlag(parsed, 'key');
  const statusPath = strFlag(parsed, 'status');
  if (!keyPath || !statusPath) throw new UsageError(both('mark revoke 需要 --key 和 --status', 'mark revoke needs --key and --status'));
  if (parsed.positionals.length === 0) throw new UsageError(both('请至少给出一个标识（令牌或文件）或状态序号', 'give at least one mark (token or file) or status index'));
  const hours = intFlag(parsed, 'hours', 24, 1, 24 * 31);
  const now = nowFlag(strFlag(parsed, 'now'));
  return withInputErrors('mark revoke', async () => {
    const key = await readPrivateKey(keyPath);
    const { payload, bits } = await readOwnStatus(statusPath, key);
    const done: { input: string; idx: number }[] = [];
    for (const input of parsed.positionals) {
      let idx: number | undefined;
      if (/^\d+$/.test(input)) idx = Number(input);
      else {
        const mark = decodeMark(TOKEN.test(input) ? input : await readText(input, MARK_FILE));
        if (!mark.ok) throw new InputError(both(`${input}：不是标识（${mark.problem}）`, `${input}: not a mark (${mark.problem})`));
        if (mark.payload.iss !== payload.iss) throw new InputError(both(`${input}：由 ${mark.payload.iss} 签发，而该状态列表属于 ${payload.iss}`, `${input}: issued by ${mark.payload.iss}, the status list is ${payload.iss}'s`));
        idx = mark.payload.status?.idx;
        if (idx === undefined) throw new InputError(both(`${input}：该标识没有状态序号，无法撤销（可待其过期，或吊销签发密钥）`, `${input}: the mark carries no status index, so it cannot be withdrawn (let it expire or revoke the key)`));
      }
      if (idx >= bits.length * 8) throw new InputError(both(`${input}：序号 ${idx} 超出列表范围（共 ${bits.length * 8} 位）`, `${input}: index ${idx} is outside the list (${bits.length * 8} bits)`));
      setBit(bits, idx, true);
      done.push({ input, idx });
    }
    const summary = await writeStatus(statusPath, key, payload.iss, payload.url, bits, now, hours);
    for (const d of done) emit({ ...d, revoked: true });
    say(`xinbiao mark revoke: ${both(`已重新签署 ${summary.out}，${summary.size} 个中已撤销 ${summary.revoked} 个，有效至 ${summary.expires}`, `${summary.out} re-signed, ${summary.revoked} withdrawn of ${summary.size}, valid until ${summary.expires}`)}`);
    return EXIT.ok;
  });
}

export default withSubcommands('issue, check and withdraw signed shop marks', help, { sign, verify, revoke });
