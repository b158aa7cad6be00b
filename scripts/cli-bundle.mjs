// The prebuilt CLI: cli/main.ts and what it imports from core/ and server/, bundled into dist/cli/ by `npm run build`
// so that a command starts in a fifth of the time tsx needs to compile it. bin/xinbiao.js runs it only while its
// stamp matches the sources; otherwise it compiles them with tsx as before, so an edit never runs stale code.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** What the bundle is built from: a change to any of these makes it stale. */
const SOURCES = ['cli', 'core', 'server', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/cli-bundle.mjs'];
export const BUNDLE = resolve(ROOT, 'dist/cli/main.js');
const STAMP = resolve(ROOT, 'dist/cli/.stamp');

function* files(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) return yield [path, st];
  for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && !name.startsWith('.')) yield* files(join(path, name));
}

/** A hash of the sources by path, size and modification time (ms): a few milliseconds, so it runs on every start. */
function sourcesHash() {
  const hash = createHash('sha256');
  for (const top of SOURCES) for (const [file, st] of files(resolve(ROOT, top))) hash.update(`${relative(ROOT, file)}\0${st.size}\0${st.mtimeMs}\n`);
  return hash.digest('hex');
}

/** True when the bundle exists and was built from the sources as they are now. */
export function bundleIsCurrent() {
  try {
    return statSync(BUNDLE).isFile() && readFileSync(STAMP, 'utf8').trim() === sourcesHash();
  } catch {
    return false;
  }
}

/** Builds the bundle with esbuild (packages stay imports from node_modules) and stamps it. */
export async function buildBundle() {
  const stamp = sourcesHash();
  const { build } = await import('esbuild');
  // Chunk names carry content hashes: last build's chunks would stay beside the new ones.
  rmSync(resolve(ROOT, 'dist/cli'), { recursive: true, force: true });
  await build({
    entryPoints: [resolve(ROOT, 'cli/main.ts')], outdir: resolve(ROOT, 'dist/cli'), bundle: true, splitting: true,
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
  });
  writeFileSync(STAMP, `${stamp}\n`);
}

if (process.argv[1] === import.meta.filename) await buildBundle();
