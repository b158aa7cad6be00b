import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/database';
import { LOCK_FILE } from '../../../server/db/dir-lock';
import { xinbiaoAsync } from '../../support/cli';

const S = 'samples';
const IMPORT = ['import', '--trust', `${S}/trust/trust.jws`, '--root', `${S}/keys/demo-root-2026.public.jwk.json`, '--database'];

describe('the embedded database directory, one process at a time', () => {
  let parent: string;
  let dir: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'xinbiao-lock-'));
    dir = join(parent, 'db');
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('refuses a list import while another process holds it, so its shutdown cannot undo the import', async () => {
    const db = await openDatabase(dir);
    try {
      await expect(openDatabase(dir)).rejects.toThrow(/in use by process \d+/);
      const refused = await xinbiaoAsync('list')(...IMPORT, dir, `${S}/lists/demo-black.ndjson`);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`in use by process ${process.pid}`);
      expect(refused.stderr).toContain('正由进程');
    } finally {
      await db.close();
    }
    const imported = await xinbiaoAsync('list')(...IMPORT, dir, `${S}/lists/demo-black.ndjson`);
    expect(imported.code).toBe(0);
    expect(imported.lines.map((l) => l.outcome)).toEqual(['imported']);
  }, 240_000);

  it('takes over a lock left by a process that no longer runs (killed during an import)', async () => {
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(join(dir, LOCK_FILE), `${gone.stdout}\n`);
    const db = await openDatabase(dir);
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries')).toEqual([{ n: 2 }]);
    await db.close();
  }, 120_000);

  it('says which directory it cannot use and what to check, never "undefined"', async () => {
    const locked = join(parent, 'no-entry');
    await mkdir(locked);
    await chmod(locked, 0o644);
    const refused = await xinbiaoAsync('list')(...IMPORT, locked, `${S}/lists/demo-black.ndjson`);
    expect(refused.code).toBe(1);
    // As root the engine's own check refuses it; as another user the lock file cannot be made: either names it.
    expect(refused.stderr).toMatch(/the embedded engine cannot use .*no-entry|EACCES.*no-entry/);
    expect(refused.stderr).not.toContain('undefined');
    await chmod(locked, 0o755);
  }, 120_000);
});
