import { spawnSync } from 'node:child_process';

/** Runs one `xinbiao <command>` the way a user does; stdout's JSON lines parsed, exit code and stderr kept. */
export const xinbiao = (command: string) => (...args: string[]) => {
  const r = spawnSync('node', ['bin/xinbiao.js', command, ...args], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
};
