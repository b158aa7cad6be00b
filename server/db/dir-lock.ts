import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside an embedded database directory; it holds the owning process id. */
export const LOCK_FILE = 'xinbiao.lock';

// Directories this process holds: a second open in the same process is refused as one from another process is.
const held = new Set<string>();

/** True when a process with this id runs (EPERM: it runs as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database directory `dir` (absolute) for this process, creating it if missing: the embedded
 * engine is PostgreSQL without its postmaster, so nothing else stops a second process (a `list import` while `serve`
 * runs) from writing the same files, and the first one's shutdown then undoes what the second committed.
 * A lock left by a process that no longer runs (killed, crashed; or this very id, as a container's restarted
 * process 1 is) is taken over. Returns the release function; throws, in Chinese and English, when another running
 * process (or this one) holds the directory.
 */
export function lockDirectory(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  if (held.has(dir)) throw new Error(inUse(dir, process.pid, file));
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new Error(inUse(dir, pid, file));
      rmSync(file, { force: true });
    }
  }
  held.add(dir);
  return () => {
    if (!held.delete(dir)) return;
    rmSync(file, { force: true });
  };
}

const inUse = (dir: string, pid: number, file: string) =>
  `数据库目录 ${dir} 正由进程 ${pid} 使用（内置数据库同一时间只允许一个进程）：先停止它（例如 xinbiao serve），若该进程并非 xinbiao 可删除 ${file} / ` +
  `the database directory ${dir} is in use by process ${pid} (the embedded database takes one process at a time): stop it first (e.g. xinbiao serve); if that process is not xinbiao, remove ${file}`;
