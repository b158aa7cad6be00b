import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreditStatus } from '../../../core/model';
import { xinbiao } from '../../support/cli';
import { freshPostgres } from '../../support/postgres';

const S = 'samples';
const TRUST = ['--trust', `${S}/trust/trust.jws`, '--root', `${S}/keys/demo-root-2026.public.jwk.json`];
const LISTS = ['demo-black', 'demo-credit-level', 'demo-red', 'demo-abnormal'].map((id) => `${S}/lists/${id}.ndjson`);
const BLACK = '91990000MA5G3R035Y';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `xinbiao serve …` on a free port; resolves with its base URL once it prints {"url"}, or rejects with stderr. */
function serve(args: string[]): Promise<{ base: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn('node', ['bin/xinbiao.js', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) ok({ base: (JSON.parse(line) as { url: string }).url.replace(/\/$/, ''), child, stderr: () => err });
    });
    child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
}
const exited = (child: ChildProcess) => new Promise<number | null>((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', ok)));
const listsOf = async (base: string) => CreditStatus.parse(await (await fetch(`${base}/v1/subjects/${BLACK}`)).json()).listEntries.map((e) => [e.list, e.provenance.source]);

describe('xinbiao serve --database', () => {
  it('serves what xinbiao list import put in the embedded database, and stops cleanly on SIGTERM', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'xinbiao-serve-db-')), 'db');
    const imported = xinbiao('list')('import', ...TRUST, '--database', dir, ...LISTS);
    expect(imported.code).toBe(0);
    expect(imported.lines.map((l) => [l.id, l.outcome])).toEqual([['demo-black', 'imported'], ['demo-credit-level', 'imported'], ['demo-red', 'imported'], ['demo-abnormal', 'imported']]);
    const { base, child } = await serve(['--database', dir, ...TRUST]);
    expect(await listsOf(base)).toEqual([['black', 'list:demo-black@v1']]);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    await rm(join(dir, '..'), { recursive: true, force: true });
  }, 240_000);

  it('refuses to start without the trust list, with a usage error', () => {
    const r = xinbiao('serve')('--database', '/nonexistent');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--trust');
  });

  it('says in both languages which options go with --database', () => {
    const lists = xinbiao('serve')('--lists', `${S}/lists`);
    expect(lists.code).toBe(2);
    expect(lists.stderr).toContain('--lists 须与 --database 一起使用 / --lists goes with --database');
    const build = xinbiao('serve')('--database', '/nonexistent', ...TRUST, '--build');
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('--build 只用于演示');
    // --lists takes packed lists too (server/pack-files.ts listFilesIn), and the help says so.
    expect(xinbiao('serve')('--help').stdout).toContain('each packed list ID.pack.json');
  });

  it('answers the same from two processes on one PostgreSQL', async () => {
    const target = await freshPostgres('xinbiao_serve');
    const [a, b] = await Promise.all([serve(['--database', target, ...TRUST, '--lists', `${S}/lists`]), serve(['--database', target, ...TRUST, '--lists', `${S}/lists`])]);
    expect(await listsOf(a.base)).toEqual([['black', 'list:demo-black@v1']]);
    expect(await listsOf(b.base)).toEqual(await listsOf(a.base));
    expect((await fetch(`${b.base}/v1/subjects/91330106673959654P`)).status).toBe(404);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect([await exited(a.child), await exited(b.child)]).toEqual([0, 0]);
  }, 120_000);
});
