// The one fingerprint of a build's sources, for `npm start` (server/build-stamp.ts) and the prebuilt CLI
// (scripts/cli-bundle.mjs). Plain JavaScript: bin/xinbiao.js reads it before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

function* files(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) return yield [path, st];
  for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && !name.startsWith('.')) yield* files(join(path, name));
}

/**
 * A SHA-256 hex digest of the files under `sources` (paths relative to `root`; folders walked in name order, without
 * node_modules and dot entries) by path, size and modification time (ms): a few milliseconds, so it runs on every start.
 */
export function sourcesHash(root, sources) {
  const hash = createHash('sha256');
  for (const top of sources) for (const [file, st] of files(resolve(root, top))) hash.update(`${relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
  return hash.digest('hex');
}
