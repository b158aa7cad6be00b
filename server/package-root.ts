import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package's root folder (package.json, bin/, samples/, dist/), found upwards from this module: the same answer
 * whether the code runs from its sources (server/, cli/…) or from the prebuilt CLI bundle (dist/cli/).
 * Throws when no folder above holds bin/xinbiao.js beside a package.json.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'xinbiao.js'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no xinbiao package above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(import.meta.dirname);
