import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPair, isPublicJwk, type PrivateJwk, type PublicJwk } from '../../core/crypto/ed25519';
import { EXIT, UsageError, emit, parseArgs, say, strFlag, type Command } from '../io';

const help = `Usage: xinbiao keys --kid ID --out DIR

Generates an Ed25519 key pair and writes two JWK files into DIR (created if missing):
  DIR/ID.private.jwk.json   the private key (file mode 0600): keep it secret, never commit it
  DIR/ID.public.jwk.json    the public key: add it to the trust list (xinbiao trust sign)
ID is the key id (kid) that signatures name: letters, digits, '.', '_' and '-' (for example shop-2026).
Existing files are never overwritten.
Prints {"kid","x","privateKey","publicKey"}.
Exit 0 on success, 1 when a file exists or cannot be written, 2 on usage errors.`;

/** A problem with an input file: printed with the file name, exit 1. */
export class InputError extends Error {}

/** Reads and parses a JSON file, naming the file in every error. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${what} ${path} is not JSON: ${(err as Error).message}`);
  }
}

/** Loads a private Ed25519 JWK with a kid. */
export async function readPrivateKey(path: string): Promise<PrivateJwk> {
  const jwk = (await readJsonFile(path, 'key file')) as PrivateJwk;
  if (!isPublicJwk(jwk) || typeof jwk.d !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.d)) throw new InputError(`key file ${path} is not a private Ed25519 JWK (kty OKP, crv Ed25519, x, d)`);
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new InputError(`key file ${path} has no kid`);
  return jwk;
}

/** Loads a public Ed25519 JWK (a private one works too: only its public half is used). */
export async function readPublicKey(path: string): Promise<PublicJwk> {
  const jwk = (await readJsonFile(path, 'key file')) as PublicJwk;
  if (!isPublicJwk(jwk)) throw new InputError(`key file ${path} is not an Ed25519 JWK (kty OKP, crv Ed25519, x)`);
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

const command: Command = {
  summary: 'generate an Ed25519 key pair as JWK files',
  help,
  async run(args) {
    const parsed = parseArgs(args, { values: ['kid', 'out'] });
    const kid = strFlag(parsed, 'kid');
    const out = strFlag(parsed, 'out');
    if (!kid) throw new UsageError('--kid is required');
    if (!out) throw new UsageError('--out is required');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(kid)) throw new UsageError(`--kid ${JSON.stringify(kid)}: use letters, digits, '.', '_' and '-' (it becomes a file name)`);
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
    return withInputErrors('keys', async () => {
      const { publicJwk, privateJwk } = await generateKeyPair(kid);
      const privateKey = join(out, `${kid}.private.jwk.json`);
      const publicKey = join(out, `${kid}.public.jwk.json`);
      for (const path of [privateKey, publicKey]) {
        if (await access(path).then(() => true, () => false)) throw new InputError(`${path} already exists; refusing to overwrite a key`);
      }
      try {
        await mkdir(out, { recursive: true });
        // 'wx' refuses to overwrite; the mode applies at creation, chmod covers a umask that strips it.
        await writeFile(privateKey, `${JSON.stringify(privateJwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
        await chmod(privateKey, 0o600);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new InputError(code === 'EEXIST' ? `${privateKey} already exists; refusing to overwrite a key` : `cannot write ${privateKey}: ${code ?? (err as Error).message}`);
      }
      try {
        await writeFile(publicKey, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new InputError(code === 'EEXIST' ? `${publicKey} already exists; refusing to overwrite a key` : `cannot write ${publicKey}: ${code ?? (err as Error).message}`);
      }
      emit({ kid, x: publicJwk.x, privateKey, publicKey });
      say(`keys: wrote ${privateKey} (secret, mode 0600) and ${publicKey}`);
      return EXIT.ok;
    });
  },
};
export default command;
