// The prebuilt CLI: cli/main.ts and what it imports from core/ and server/, bundled into dist/cli/ by `npm run build`
// so that a command starts in a fifth of the time tsx needs to compile it. bin/xinbiao.js runs it only while its
// stamp matches the sources; otherwise it compiles them with tsx as before, so an edit never runs stale code.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourcesHash as hashSources } from './sources-hash.mjs';

const ROOT = resolve(import.meta.dirname, '..');
/** What the bundle is built from: a change to any of these makes it stale. */
const SOURCES = ['cli', 'core', 'server', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/cli-bundle.mjs', 'scripts/sources-hash.mjs'];
export const BUNDLE = resolve(ROOT, 'dist/cli/main.js');
const STAMP = resolve(ROOT, 'dist/cli/.stamp');

const sourcesHash = () => hashSources(ROOT, SOURCES);

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
    entryPoints: { main: resolve(ROOT, 'cli/main.ts'), 'mark-signer': resolve(ROOT, 'cli/commands/mark-signer.ts') }, outdir: resolve(ROOT, 'dist/cli'), bundle: true, splitting: true,
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
  });
  writeFileSync(STAMP, `${stamp}\n`);
}

if (process.argv[1] === import.meta.filename) await buildBundle();
