import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/** core/detect as a browser page gets it: one IIFE that sets `globalThis.XinbiaoDetect = { detect, detectionToJson }`. */
export async function detectBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { detect, detectionToJson } from './core/detect'; (globalThis as any).XinbiaoDetect = { detect, detectionToJson };",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

/** Runs in the page after the bundle: the page's detection as JSON. A string, so no test-side helper leaks in. */
export const DETECT_IN_PAGE = '(() => { const api = globalThis.XinbiaoDetect; return api.detectionToJson(api.detect(document)); })()';

/** `xinbiao detect` on files (paths as given, from the repository root), keyed by the path it echoes; throws on failure. */
export function cliDetect(files: string[]): Map<string, unknown> {
  const r = spawnSync('node', ['bin/xinbiao.js', 'detect', ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`xinbiao detect exited ${r.status}: ${r.stderr}`);
  const out = new Map<string, unknown>();
  for (const line of r.stdout.trim().split('\n')) {
    const { file, ...rest } = JSON.parse(line) as { file: string };
    out.set(file, rest);
  }
  return out;
}
