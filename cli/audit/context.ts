import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { UsedFile } from '../../core/audit';
import { Sha256, sha256Hex, toHex } from '../../core/crypto';
import type { LocalLists } from '../../core/sources';
import { listKeys, loadTrustList, trustErrorText, type TrustList } from '../../core/trust';
import { loadListIndex } from '../../server/list-index';
import { isPackManifest, listFilesIn } from '../../server/pack-files';
import { InputError, both, oneLine } from '../io';
import { PACKAGE_ROOT } from '../../server/package-root';

const SAMPLES = resolve(PACKAGE_ROOT, 'samples');

/** Where the audit gets its trust list and credit lists; the demo samples unless told otherwise. */
export interface ContextOptions {
  trust?: string;
  trustRoot?: string;
  lists?: string;
  now?: number;
}

/** The verified trust list and the credit lists the rules compare against. */
export interface AuditContext {
  trust: TrustList;
  lists: LocalLists;
  /** Lists that were refused (bad signature, unknown key, expired …), reported rather than silently used. */
  refused: { file: string; reason: string }[];
  /** The same refusals as stderr lines, each half in its own language (`名单 F 未采用：… / list F refused: …`). */
  refusedLines: string[];
  /** The trust list used: its version, root key id and the SHA-256 of the signed file. */
  trustFile: UsedFile & { rootKid: string };
  /** Every list used (the ones loaded, not the refused), with the SHA-256 of its file. */
  listFiles: UsedFile[];
  /** Which of the two came from the demo samples because no option named them. */
  demo: { trust: boolean; lists: boolean };
  /** The files read: trust list, root key and lists folder (the demo samples' when no option named them). */
  sources: { trust: string; root: string; lists: string };
}

/** SHA-256 (hex) of a file, streamed: a national list does not have to fit in memory. */
export async function fileSha256(path: string): Promise<string> {
  const hash = new Sha256();
  for await (const chunk of createReadStream(path)) hash.update(chunk as Uint8Array);
  return toHex(hash.digest());
}

/** The first line of a list file (its header), read without the rest. */
async function headerOf(path: string): Promise<{ id?: unknown; version?: unknown }> {
  let head = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 4096 })) {
    head += chunk as string;
    if (head.includes('\n') || head.length > 65_536) break;
  }
  try { return JSON.parse(head.split('\n')[0]!) as { id?: unknown; version?: unknown }; } catch { return {}; }
}

/**
 * The files behind the lists the index loaded: matched by the id and version in each file's header (a packed list's
 * manifest holds the header as `list`; its digest binds every file of the pack).
 */
async function usedLists(dir: string, loaded: { id: string; version: number; kind: string; publisher: { id: string } }[]): Promise<UsedFile[]> {
  const out: UsedFile[] = [];
  for (const name of listFilesIn(await readdir(dir))) {
    const first = await headerOf(join(dir, name));
    const h = isPackManifest(name) ? ((first as { list?: typeof first }).list ?? {}) : first;
    const info = loaded.find((l) => l.id === h.id && l.version === h.version);
    if (info && !out.some((u) => u.id === info.id)) out.push({ id: info.id, version: info.version, kind: info.kind, publisher: info.publisher.id, file: name, sha256: await fileSha256(join(dir, name)) });
  }
  return out;
}

/**
 * Verifies the trust list, then reads every signed list file of the folder into memory the way the status server
 * does (server/list-index: every line valid, digest, known publisher key, not expired).
 */
export async function loadContext(options: ContextOptions = {}): Promise<AuditContext> {
  const now = options.now ?? Date.now();
  const refs = { trust: options.trust ?? join(SAMPLES, 'trust/trust.jws'), root: options.trustRoot ?? join(SAMPLES, 'keys/demo-root-2026.public.jwk.json') };
  const verified = await loadTrustList((path) => readFile(path, 'utf8'), refs, now);
  if (!verified.ok) throw new InputError(oneLine(`信任名单未通过核验 / trust list refused: ${trustErrorText(verified).join(' / ')}`));
  const trust = verified.trust;
  const dir = options.lists ?? join(SAMPLES, 'lists');
  // The index would throw a bare ENOENT with a stack; a missing folder is the operator's input error.
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) throw new InputError(both(`名单目录不存在或不是目录：${dir}`, `the lists folder does not exist or is not a folder: ${dir}`));
  const index = await loadListIndex(dir, { keys: listKeys(trust, () => now), now });
  const refused = index.problems.map((p) => ({ file: p.file, reason: `${p.zh} / ${p.en}${p.line ? ` (line ${p.line})` : ''}` }));
  const refusedLines = index.problems.map((p) => oneLine(both(`名单 ${p.file} 未采用：${p.zh}${p.line ? `（第 ${p.line} 行）` : ''}`, `list ${p.file} refused: ${p.en}${p.line ? ` (line ${p.line})` : ''}`)));
  const trustFile = { id: 'trust-list', version: trust.version, file: basename(refs.trust), sha256: sha256Hex(await readFile(refs.trust)), rootKid: verified.rootKid };
  return {
    trust, lists: index, refused, refusedLines, trustFile, listFiles: await usedLists(dir, await index.lists()),
    demo: { trust: options.trust === undefined, lists: options.lists === undefined },
    sources: { trust: refs.trust, root: refs.root, lists: dir },
  };
}
