import type { KeyLookup } from '../../core/lists';
import { toListError } from '../../core/lists';
import { openDatabase } from '../../server/db/database';
import { importFile } from '../../server/db/import-pack';
import { migrate } from '../../server/db/migrations';
import { EXIT, emit, say } from '../io';

/**
 * `xinbiao list import --database …`: imports each file (with its .sig) into the service's database, one
 * transaction per file; prints one JSON line per file. Exit 0 when all were imported or unchanged, else 1.
 */
export async function importIntoDatabase(target: string, files: string[], keys: KeyLookup, now: () => number): Promise<number> {
  let db;
  try {
    db = await openDatabase(target);
    await migrate(db);
  } catch (err) {
    say(`无法打开数据库 / cannot open the database ${target}: ${(err as Error).message}`);
    return EXIT.invalid;
  }
  let ok = true;
  try {
    for (const file of files) {
      try {
        const r = await importFile(db, file, { keys, now });
        if (r.outcome === 'unchanged') say(`${file}: 该版本已在使用，未改动 / version ${r.list.version} is already in force; unchanged`);
        else say(`${file}: 已导入 ${r.list.count} 条 / imported ${r.list.count} entries (${r.list.id} v${r.list.version})`);
        emit({ file, ok: true, outcome: r.outcome, id: r.list.id, version: r.list.version, ...(r.outcome === 'imported' ? { entries: r.list.count, sha256: r.list.sha256, ...(r.replaced !== undefined ? { replaced: r.replaced } : {}) } : {}) });
      } catch (err) {
        const e = toListError(err);
        ok = false;
        say(`${file}${e.line ? `:${e.line}` : ''}: ${e.zh} / ${e.en}`);
        emit({ file, ok: false, error: { code: e.code, zh: e.zh, en: e.en, ...(e.line ? { line: e.line } : {}) } });
      }
    }
  } finally {
    await db.close();
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
