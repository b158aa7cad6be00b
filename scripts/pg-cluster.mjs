// A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl from Debian's postgresql package, in a temp dir,
// on a free local port, run as an unprivileged user (PostgreSQL refuses to run as root).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Directory of the newest installed PostgreSQL's programs, or undefined. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

const freePort = () => new Promise((ok, fail) => {
  const s = createServer();
  s.once('error', fail);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

// Root runs the server as the 'postgres' system user the package creates (else 'nobody').
function asUser() {
  if (process.getuid?.() !== 0) return undefined;
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const name = r.status === 0 ? 'postgres' : 'nobody';
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout);
  return { name, uid, gid };
}

/**
 * Starts a cluster and returns { url, stop }; throws with the tool's output when it cannot. `stop` stops the
 * server and removes the directory (safe to call twice).
 */
export async function startCluster() {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const user = asUser();
  const dir = mkdtempSync(join(tmpdir(), 'xinbiao-pg-'));
  chmodSync(dir, 0o700);
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const run = (tool, args) => {
    const cmd = user ? 'runuser' : join(bin, tool);
    const argv = user ? ['-u', user.name, '--', join(bin, tool), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  };
  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']); } catch { /* not running */ }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (err) {
    stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

// `node scripts/pg-cluster.mjs`: start one, print its URL, stop it on Ctrl+C (for running the tests by hand).
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { url, stop } = await startCluster();
  console.log(url);
  const end = () => { stop(); process.exit(0); };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
  setInterval(() => {}, 1 << 30);
}
