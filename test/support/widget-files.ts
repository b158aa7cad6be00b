// The built widget as the browser fetches it: files, what each imports, and their gzip sizes (size test and bench).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const WIDGET_DIST = resolve(import.meta.dirname, '../../dist/widget');

/** Text of a built file. */
export const text = (f: string): string => readFileSync(resolve(WIDGET_DIST, f), 'utf8');
/** gzip -9 bytes of a built file (Node's zlib). */
export const gz = (f: string): number => gzipSync(readFileSync(resolve(WIDGET_DIST, f)), { level: 9 }).length;
export const staticImports = (f: string): string[] => [...text(f).matchAll(/(?:^|[;}\s])import\s*[^("'`]*?from\s*["']\.\/([^"']+)["']/g)].map((m) => m[1]!);
export const dynamicImports = (f: string): string[] => [...new Set([...text(f).matchAll(/import\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!))];
/** Every script of the kit. */
export const scripts = (): string[] => readdirSync(WIDGET_DIST).filter((f) => /\.m?js$/.test(f));

/** A file and everything it imports statically: what the browser must fetch before it runs. */
export function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dep of staticImports(entry)) closure(dep, seen);
  return seen;
}

export const sumGz = (files: Iterable<string>): number => [...files].reduce((n, f) => n + gz(f), 0);
/** The mark's first paint: the loader and the module closure it starts. */
export const firstPaintFiles = (): Set<string> => new Set(['xinbiao.js', ...closure('xinbiao.mjs')]);
