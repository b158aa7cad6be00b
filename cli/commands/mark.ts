import { MarkPayload, signMark, verifyMark } from '../../core/marks';
import { EXIT, UsageError, emit, parseArgs, say, strFlag, withSubcommands } from '../io';
import { InputError, readJsonFile, readPrivateKey, withInputErrors } from './keys';
import { loadTrust, nowFlag, readText } from './trust';
import { firstIssue } from '../../core/model/issue';
import { signShops } from './mark-batch';

const help = `Usage: xinbiao mark sign --key PLATFORM.private.jwk.json (--payload PAYLOAD.json | --shops SHOPS.ndjson|.csv)
       xinbiao mark verify --trust trust.jws --root ROOT.public.jwk.json --url PAGE-URL [--now ISO-TIME] <token-or-file…>

sign    checks the payload against the mark format (docs/marks.md) and signs it as a compact JWS
        (EdDSA, typ xinbiao-mark+jws, kid from the key). "iat" defaults to now. Prints {"payload","kid","token"}.
        --shops signs one mark per shop: NDJSON of payloads, or CSV whose header names payload fields by path
        (iss,exp,sub.uscc,sub.name,sub.kind,shop.name,identity.…,credit,bind.origin,bind.path; JSON in a cell
        for arrays). Prints {"line","kid","uscc","token"} or {"line","error"} per shop. 批量签发店铺标识。
verify  verifies the trust list with the root key, then each mark (a token, or a file holding one) as shown
        on PAGE-URL at --now (default the current time). Prints one line per input:
        {"input","outcome","reason":{"zh","en"},"detail"?,"issuer"?,"payload"?}
        outcome: genuine | copied | tampered | expired | unknown-issuer | revoked-key | malformed.
Exit 0 when every mark is genuine, 1 when any is not or a file is bad, 2 on usage errors.`;

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

async function sign(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key', 'payload', 'shops'] });
  const key = strFlag(parsed, 'key');
  const payloadPath = strFlag(parsed, 'payload');
  const shops = strFlag(parsed, 'shops');
  if (!key || !payloadPath === !shops) throw new UsageError('mark sign needs --key and one of --payload or --shops');
  if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
  return withInputErrors('mark sign', async () => {
    const privateKey = await readPrivateKey(key);
    if (shops) return signShops(shops, privateKey);
    if (!payloadPath) return EXIT.usage;
    const raw = await readJsonFile(payloadPath, 'payload file');
    const withIat = raw && typeof raw === 'object' && !('iat' in raw) ? { ...raw, iat: Math.floor(Date.now() / 1000) } : raw;
    const payload = MarkPayload.safeParse(withIat);
    if (!payload.success) throw new InputError(`payload file ${payloadPath}: ${firstIssue(payload.error)}`);
    emit({ payload: payloadPath, kid: privateKey.kid, token: await signMark(payload.data, privateKey) });
    return EXIT.ok;
  });
}

async function verify(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['trust', 'root', 'url', 'now'] });
  const [trustPath, rootPath, url] = ['trust', 'root', 'url'].map((n) => strFlag(parsed, n));
  if (!trustPath || !rootPath || !url) throw new UsageError('mark verify needs --trust, --root and --url');
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('give at least one token or file');
  const now = nowFlag(strFlag(parsed, 'now'));
  return withInputErrors('mark verify', async () => {
    const trust = await loadTrust(trustPath, rootPath, now);
    let allGenuine = true;
    for (const input of parsed.positionals) {
      let token: string;
      try {
        token = TOKEN.test(input) ? input : await readText(input, 'mark file');
      } catch (err) {
        say(`xinbiao mark verify: ${(err as Error).message}`);
        emit({ input, outcome: 'malformed', reason: { zh: '无法读取文件', en: (err as Error).message }, detail: 'unreadable' });
        allGenuine = false;
        continue;
      }
      const r = await verifyMark(token, { trust, pageUrl: url, now });
      if (r.outcome !== 'genuine') allGenuine = false;
      emit({ input, ...r });
    }
    return allGenuine ? EXIT.ok : EXIT.invalid;
  });
}

export default withSubcommands('issue and check signed shop marks', help, { sign, verify });
