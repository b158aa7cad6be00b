import { spawn, spawnSync } from 'node:child_process';

/** Runs one `xinbiao <command>` the way a user does; stdout's JSON lines parsed, exit code and stderr kept. */
export const xinbiao = (command: string) => (...args: string[]) => {
  const r = spawnSync('node', ['bin/xinbiao.js', command, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
};

/** What a command run in the background left: exit code, stdout's JSON lines, stdout and stderr. */
export interface Ran { code: number | null; lines: any[]; stdout: string; stderr: string }

/** As `xinbiao`, without blocking the test's event loop (a command that needs a server the test runs, or a long one). */
export const xinbiaoAsync = (command: string) => (...args: string[]) => new Promise<Ran>((ok) => {
  const child = spawn('node', ['bin/xinbiao.js', command, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  child.on('exit', (code) => ok({ code, lines: stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)), stdout, stderr }));
});
