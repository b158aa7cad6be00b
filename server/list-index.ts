import { createReadStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyLookup } from '../core/lists';
import { normaliseName } from '../core/lists';
import type { ListHeader, ListRecord } from '../core/lists';
import { toListError, verifyList } from '../core/lists';
import { isPackManifest, listFilesIn, openPackFile } from './pack-files';
import type { ListInfo, ListMatch, LocalLists } from '../core/sources';

/** A file of the directory that was not loaded, and why. */
export interface ListProblem {
  file: string;
  code: string;
  en: string;
  zh: string;
  line?: number;
}

/** In-memory LocalLists over a directory of list files, with what was refused. */
export interface ListIndex extends LocalLists {
  problems: ListProblem[];
}

export interface LoadOptions {
  /** Publisher keys (the trust list's keys through listKeys). */
  keys: KeyLookup;
  /** Time for expiry checks: ms, a Date, or a clock. */
  now?: number | Date | (() => number);
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Loads and verifies every `*.ndjson` and packed list (`*.pack.json`) with its `.sig` in `dir`, exactly as an import
 * would (every line valid, count, digest, known key, not expired). Files that fail are left out and listed in
 * `problems`; of two files with the same list id the higher version is kept.
 */
export async function loadListIndex(dir: string, options: LoadOptions): Promise<ListIndex> {
  const now = typeof options.now === 'function' ? options.now : () => (options.now === undefined ? Date.now() : +options.now);
  const names = listFilesIn(await readdir(dir));
  const loaded = new Map<string, { info: ListInfo; records: ListRecord[] }>();
  const problems: ListProblem[] = [];
  // Of two files of one list id (a list file and its pack, or two versions), the higher version is kept.
  const keep = (h: ListHeader, count: number, records: ListRecord[]) => {
    if ((loaded.get(h.id)?.info.version ?? 0) >= h.version) return;
    const info: ListInfo = { id: h.id, name: h.name, kind: h.kind, publisher: h.publisher, version: h.version, issued: h.issued, expires: h.expires, importedAt: new Date(now()).toISOString(), count };
    loaded.set(h.id, { info, records });
  };
  for (const name of names) {
    const file = join(dir, name);
    const sig = await readFile(`${file}.sig`).catch(() => undefined);
    if (!sig) {
      problems.push({ file: name, code: 'bad-signature-file', en: 'no .sig file next to the list', zh: '缺少签名文件' });
      continue;
    }
    if (isPackManifest(name)) {
      try {
        const { manifest, entries } = await openPackFile(file, options.keys, now());
        const records: ListRecord[] = [];
        for await (const shard of entries()) for (const entry of shard) records.push({ line: records.length + 1, entry });
        keep(manifest.list, records.length, records);
      } catch (err) {
        const e = toListError(err);
        problems.push({ file: name, code: e.code, en: e.en, zh: e.zh });
      }
      continue;
    }
    const records: ListRecord[] = [];
    const r = await verifyList(createReadStream(file), sig, options.keys, { now, onBatch: (b) => records.push(...b) });
    if (r.error || !r.summary) {
      const e = r.error!;
      problems.push({ file: name, code: e.code, en: e.en, zh: e.zh, ...(e.line ? { line: e.line } : {}) });
      continue;
    }
    keep(r.summary.header, r.summary.entries, records);
  }
  const byUscc = new Map<string, ListMatch[]>();
  const byName = new Map<string, ListMatch[]>();
  for (const { info, records } of loaded.values()) {
    for (const { entry } of records) {
      const match = { list: info, line: entry };
      if (entry.uscc) push(byUscc, entry.uscc, match);
      push(byName, normaliseName(entry.name), match);
    }
  }
  return {
    problems,
    byUscc: async (uscc) => byUscc.get(uscc.trim().toUpperCase()) ?? [],
    byName: async (name) => byName.get(normaliseName(name)) ?? [],
    lists: async () => [...loaded.values()].map((l) => l.info),
  };
}
