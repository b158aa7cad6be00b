import { resolve } from 'node:path';
import type { PublicJwk } from '../../core/crypto';
import { EXIT, UsageError, both, emit, oneLine, parseArgs, say, strFlag } from '../io';
import { describe, readPublicKey, verifyFolder } from './verify';

/**
 * `xinbiao audit verify <dir…> [--key FILE]`: one JSON line per folder
 * (`{dir, ok, runId, files, signature, changed, added, missing, error?}`), the changes named on stderr in both
 * languages; exit 0 when every folder is intact, 1 when any is not, 2 on usage errors (an unreadable key).
 */
export default async function verify(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['key'] });
  if (parsed.positionals.length === 0) throw new UsageError(both('audit verify：请给出至少一个报告目录', 'audit verify: give at least one report folder'));
  const keyFile = strFlag(parsed, 'key');
  let key: PublicJwk | undefined;
  if (keyFile) {
    try { key = readPublicKey(keyFile); } catch (err) { throw new UsageError(oneLine(both(`--key 无法作为公钥读取：${(err as Error).message}`, `--key cannot be read as a public key: ${(err as Error).message}`))); }
  }
  let failed = false;
  for (const dir of parsed.positionals) {
    const r = await verifyFolder(resolve(dir), key);
    emit({ ...r, dir });
    for (const line of describe({ ...r, dir })) say(line);
    failed ||= !r.ok;
  }
  return failed ? EXIT.invalid : EXIT.ok;
}
