import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { sha256Hex } from '../../../core/crypto';
import { packEntries, verifyManifest } from '../../../core/lists';
import { listKeys } from '../../../core/trust';
import type { Queryable } from '../../../server/db/database';
import { folderFetch, isPackManifest } from '../../../server/pack-files';
import { loadContext, type AuditContext } from '../context';
import { RunLists } from './types';

/** What a file pinned with a run is: the trust list, its root key, or a file of the lists folder (list, `.sig`, pack file). */
export type PinnedRole = 'trust' | 'root' | 'list';

/** One file a run was enqueued with; `name` is the file's name (for lists, its path inside the lists folder). */
export interface PinnedFile {
  role: PinnedRole;
  name: string;
  bytes: Uint8Array;
}

const changed = (name: string) => new Error(`文件 ${name} 在读取期间被改动 / ${name} changed while it was being read`);

/**
 * The bytes of every file behind a loaded context: the trust list and root key, and for each list used its file, its
 * `.sig` and, for a packed list, every file its manifest names (fetched the way the pack is read, so exactly those).
 * A trust list or list file whose bytes no longer have the digest just recorded throws (the folder changed meanwhile).
 */
export async function contextFiles(ctx: AuditContext, now = Date.now()): Promise<PinnedFile[]> {
  const trust = await readFile(ctx.sources.trust);
  if (sha256Hex(trust) !== ctx.trustFile.sha256) throw changed(ctx.sources.trust);
  const files: PinnedFile[] = [
    { role: 'trust', name: ctx.trustFile.file, bytes: trust },
    { role: 'root', name: 'root.jwk.json', bytes: await readFile(ctx.sources.root) },
  ];
  for (const used of ctx.listFiles) {
    const path = join(ctx.sources.lists, used.file);
    const [bytes, sig] = await Promise.all([readFile(path), readFile(`${path}.sig`)]);
    if (sha256Hex(bytes) !== used.sha256) throw changed(path);
    files.push({ role: 'list', name: used.file, bytes }, { role: 'list', name: `${used.file}.sig`, bytes: sig });
    if (!isPackManifest(used.file)) continue;
    const manifest = await verifyManifest(bytes, sig, listKeys(ctx.trust, () => now), now);
    const fetch = folderFetch(dirname(path));
    const seen = new Set<string>();
    for await (const _ of packEntries(manifest, async (name) => {
      const got = await fetch(name);
      if (!seen.has(name)) files.push({ role: 'list', name, bytes: got });
      seen.add(name);
      return got;
    }));
  }
  return files;
}

/** Stores a new run's files in the campaign database (each content once, by SHA-256), inside the enqueue's transaction. */
export async function pinRunFiles(tx: Queryable, campaign: string, run: number, files: readonly PinnedFile[]): Promise<void> {
  for (const f of files) {
    const sha256 = sha256Hex(f.bytes);
    await tx.query('INSERT INTO audit_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, Buffer.from(f.bytes)]);
    await tx.query('INSERT INTO audit_run_files (campaign, run, role, name, sha256) VALUES ($1, $2, $3, $4, $5)', [campaign, run, f.role, f.name, sha256]);
  }
}

const ROLES: readonly string[] = ['trust', 'root', 'list'];

/** Where a pinned file goes under `dir`; stored names are hostile, so anything that leaves its folder throws. */
function placeOf(dir: string, role: string, name: string): string {
  const folder = resolve(dir, role);
  const path = resolve(folder, name);
  // Control characters would reach file names and the worker's log lines.
  const ok = ROLES.includes(role) && name !== '' && !/\p{Cc}/u.test(name)
    && (role === 'list' ? path.startsWith(folder + sep) : !/[\\/]/.test(name) && name !== '.' && name !== '..');
  if (!ok) throw new Error(`固定文件名无效 / invalid pinned file name: ${JSON.stringify(`${role}/${name}`.slice(0, 200))}`);
  return path;
}

/**
 * The audit context of a run from the files pinned with it: each checked against its recorded SHA-256, written under
 * `dir` (the lists folder re-created there), then verified and loaded as at the run's start (its `created_at`), and
 * its trust list and lists compared with the run record. Undefined for a run enqueued before files were pinned.
 * Throws (both languages) when a file does not match its digest, a name is unsafe, or the loaded lists differ from the
 * record (a pinned file that is refused on loading counts as a difference).
 */
export async function pinnedContext(db: Queryable, campaign: string, run: number, dir: string): Promise<AuditContext | undefined> {
  const rows = await db.query<{ role: string; name: string; sha256: string; bytes: Buffer; created_at: Date; lists: unknown }>(
    `SELECT f.role, f.name, f.sha256, b.bytes, r.created_at, r.lists FROM audit_run_files f JOIN audit_files b USING (sha256) JOIN audit_runs r USING (campaign, run)
      WHERE f.campaign = $1 AND f.run = $2 ORDER BY f.role, f.name`,
    [campaign, run],
  );
  if (rows.length === 0) return undefined;
  mkdirSync(join(dir, 'list'), { recursive: true });
  const at: Partial<Record<PinnedRole, string>> = {};
  for (const r of rows) {
    const path = placeOf(dir, r.role, r.name);
    if (sha256Hex(r.bytes) !== r.sha256) throw new Error(`固定文件 ${r.name} 与其摘要不符 / the pinned file ${r.name} does not match its digest`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, r.bytes);
    if (r.role !== 'list') at[r.role as PinnedRole] = path;
  }
  const record = RunLists.safeParse(rows[0]!.lists);
  if (!at.trust || !at.root || !record.success) throw new Error('固定文件不完整 / the run\'s pinned files are incomplete');
  const ctx = await loadContext({ trust: at.trust, trustRoot: at.root, lists: join(dir, 'list'), now: rows[0]!.created_at.getTime() });
  const digests = (files: readonly { id: string; sha256: string }[]) => files.map((f) => `${f.id}:${f.sha256}`).sort().join(' ');
  // Only files the enqueuer used are pinned, checked as of the run's start: a refused one was added since.
  if (ctx.trustFile.sha256 !== record.data.trustFile.sha256 || digests(ctx.listFiles) !== digests(record.data.listFiles) || ctx.refused.length > 0) {
    throw new Error(`固定的名单与运行记录不符 / the pinned lists do not match the run record: ${digests(ctx.listFiles) || '—'}`);
  }
  return ctx;
}
