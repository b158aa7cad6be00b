import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourcesHash as hashSources } from '../scripts/sources-hash.mjs';
import { PACKAGE_ROOT } from './package-root';

const ROOT = PACKAGE_ROOT;
/** What `npm run build` reads: changing any of these makes the next `npm start` rebuild. */
const SOURCES = ['core', 'extension', 'widget', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'scripts/build.mjs'];
/** The stamp lives in the output, so deleting dist/ also forces a build. */
export const STAMP = resolve(ROOT, 'dist/.build-stamp');
const OUTPUTS = ['dist/widget/xinbiao.js', '.output/chrome-mv3/manifest.json', '.output/firefox-mv3/manifest.json'];

/** A hash of the build's sources by path, size and modification time (ms); cheap enough to run on every start. */
export const sourcesHash = (root = ROOT): string => hashSources(root, SOURCES);

/** True when the outputs exist and were built from the sources as they are now. */
export function buildIsCurrent(root = ROOT): boolean {
  if (OUTPUTS.some((o) => !statSync(resolve(root, o), { throwIfNoEntry: false }))) return false;
  try {
    return readFileSync(resolve(root, 'dist/.build-stamp'), 'utf8').trim() === sourcesHash(root);
  } catch {
    return false;
  }
}

/** Runs `npm run build` unless the outputs are current, then stamps them; false when the build failed. */
export async function buildIfChanged(log: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<boolean> {
  if (buildIsCurrent()) {
    log('构建产物已是最新，跳过构建 / the build is up to date with the sources: not rebuilding.');
    return true;
  }
  log('源码有变，正在构建组件与扩展（npm run build）/ sources changed: building the widget and the extensions (npm run build)…');
  const before = sourcesHash();
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) return false;
  mkdirSync(resolve(ROOT, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${before}\n`);
  return true;
}
