import { createPrivateKey, createPublicKey } from 'node:crypto';
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPair, isPublicJwk, type PrivateJwk, type PublicJwk } from '../../core/crypto';
import { EXIT, InputError, UsageError, both, emit, notJson, parseArgs, say, strFlag, type Command, type Named } from '../io';

const help = `Usage: xinbiao keys --kid ID --out DIR

Generates an Ed25519 key pair and writes two JWK files into DIR (created if missing):
  DIR/ID.private.jwk.json   the private key (file mode 0600): keep it secret, never commit it
  DIR/ID.public.jwk.json    the public key: add it to the trust list (xinbiao trust sign)
ID is the key id (kid) that signatures name: letters, digits, '.', '_' and '-' (for example shop-2026).
Existing files are never overwritten.
Prints {"kid","x","privateKey","publicKey"}.
Exit 0 on success, 1 when a file exists or cannot be written, 2 on usage errors.`;

/** The usage error for an argument a command does not take. */
export const unexpected = (arg: string): string => both(`多余的参数 ${arg}`, `unexpected argument ${arg}`);


/** The system's short reason for a failed file operation (ENOENT, EACCES…), else its message. */
export const systemReason = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** The InputError for a file that cannot be read, naming it and the system's reason (e.g. ENOENT). */
export function cannotRead([zh, en]: Named, path: string, err: unknown): InputError {
  const why = systemReason(err);
  return new InputError(both(`无法读取${zh} ${path}：${why}`, `cannot read ${en} ${path}: ${why}`));
}

/** Reads and parses a JSON file, naming the file in every error. */
export async function readJsonFile(path: string, what: Named): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw cannotRead(what, path, err);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const [zh, en] = notJson(err);
    throw new InputError(both(`${what[0]} ${path} ${zh}`, `${what[1]} ${path} ${en}`));
  }
}

const KEY_FILE: Named = ['密钥文件', 'key file'];

/** Loads a private Ed25519 JWK with a kid whose private part (d) belongs to its public part (x); InputError otherwise. */
export async function readPrivateKey(path: string): Promise<PrivateJwk> {
  const jwk = (await readJsonFile(path, KEY_FILE)) as PrivateJwk;
  if (!isPublicJwk(jwk) || typeof jwk.d !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.d)) {
    throw new InputError(both(`密钥文件 ${path} 不是 Ed25519 私钥 JWK（kty OKP、crv Ed25519、x、d）`, `key file ${path} is not a private Ed25519 JWK (kty OKP, crv Ed25519, x, d)`));
  }
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new InputError(both(`密钥文件 ${path} 缺少 kid`, `key file ${path} has no kid`));
  // A private part (d) that does not belong to the public part (x): nothing it signs would verify against the
  // key the trust list publishes.
  let x: string | undefined;
  try {
    x = createPublicKey(createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' })).export({ format: 'jwk' }).x;
  } catch {
    // x stays undefined: refused below.
  }
  if (x !== jwk.x) throw new InputError(both(`密钥 ${jwk.kid} 的私钥部分（d）与公钥（x）不匹配，签出的内容无法验证`, `key ${jwk.kid}: its private part (d) does not belong to its public part (x), so nothing it signs would verify`));
  return jwk;
}

/** Loads a public Ed25519 JWK (a private one works too: only its public half is used). */
export async function readPublicKey(path: string): Promise<PublicJwk> {
  const jwk = (await readJsonFile(path, KEY_FILE)) as PublicJwk;
  if (!isPublicJwk(jwk)) throw new InputError(both(`密钥文件 ${path} 不是 Ed25519 JWK（kty OKP、crv Ed25519、x）`, `key file ${path} is not an Ed25519 JWK (kty OKP, crv Ed25519, x)`));
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}) };
}

/** Runs a command body, turning InputError into a message on stderr and exit 1. */
export async function withInputErrors(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    say(`xinbiao ${name}: ${err.message}`);
    return EXIT.invalid;
  }
}

const exists = (path: string) => new InputError(both(`${path} 已存在，不会覆盖密钥`, `${path} already exists; refusing to overwrite a key`));
const cannotWrite = (path: string, err: unknown) => {
  const why = systemReason(err);
  return new InputError(both(`无法写入 ${path}：${why}`, `cannot write ${path}: ${why}`));
};

const command: Command = {
  summary: 'generate an Ed25519 key pair as JWK files',
  help,
  async run(args) {
    const parsed = parseArgs(args, { values: ['kid', 'out'] });
    const kid = strFlag(parsed, 'kid');
    const out = strFlag(parsed, 'out');
    if (!kid) throw new UsageError(both('需要 --kid', '--kid is required'));
    if (!out) throw new UsageError(both('需要 --out', '--out is required'));
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(kid)) {
      throw new UsageError(both(`--kid ${JSON.stringify(kid)}：只能用字母、数字、“.”“_”“-”（它会成为文件名）`, `--kid ${JSON.stringify(kid)}: use letters, digits, '.', '_' and '-' (it becomes a file name)`));
    }
    if (parsed.positionals.length) throw new UsageError(unexpected(parsed.positionals[0]!));
    return withInputErrors('keys', async () => {
      const { publicJwk, privateJwk } = await generateKeyPair(kid);
      const privateKey = join(out, `${kid}.private.jwk.json`);
      const publicKey = join(out, `${kid}.public.jwk.json`);
      for (const path of [privateKey, publicKey]) {
        if (await access(path).then(() => true, () => false)) throw exists(path);
      }
      try {
        await mkdir(out, { recursive: true });
        // 'wx' refuses to overwrite; the mode applies at creation, chmod covers a umask that strips it.
        await writeFile(privateKey, `${JSON.stringify(privateJwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
        await chmod(privateKey, 0o600);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw code === 'EEXIST' ? exists(privateKey) : cannotWrite(privateKey, err);
      }
      try {
        await writeFile(publicKey, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw code === 'EEXIST' ? exists(publicKey) : cannotWrite(publicKey, err);
      }
      emit({ kid, x: publicJwk.x, privateKey, publicKey });
      say(both(`keys：已写入 ${privateKey}（私钥，权限 0600）和 ${publicKey}`, `keys: wrote ${privateKey} (secret, mode 0600) and ${publicKey}`));
      return EXIT.ok;
    });
  },
};
export default command;
