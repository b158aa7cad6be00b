import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LocalLists } from '../../core/sources';
import { listKeys, loadTrustList, trustErrorText, type TrustList } from '../../core/trust';
import { loadListIndex } from '../../server/list-index';

const SAMPLES = resolve(import.meta.dirname, '../../samples');

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
}

/**
 * Verifies the trust list, then reads every signed list file of the folder into memory the way the status server
 * does (server/list-index: every line valid, digest, known publisher key, not expired).
 */
export async function loadContext(options: ContextOptions = {}): Promise<AuditContext> {
  const now = options.now ?? Date.now();
  const refs = { trust: options.trust ?? join(SAMPLES, 'trust/trust.jws'), root: options.trustRoot ?? join(SAMPLES, 'keys/demo-root-2026.public.jwk.json') };
  const verified = await loadTrustList((path) => readFile(path, 'utf8'), refs, now);
  if (!verified.ok) throw new Error(`信任名单未通过核验 / trust list refused: ${trustErrorText(verified).join(' / ')}`);
  const trust = verified.trust;
  const index = await loadListIndex(options.lists ?? join(SAMPLES, 'lists'), { keys: listKeys(trust, () => now), now });
  const refused = index.problems.map((p) => ({ file: p.file, reason: `${p.zh} / ${p.en}${p.line ? ` (line ${p.line})` : ''}` }));
  return { trust, lists: index, refused };
}
