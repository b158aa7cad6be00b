import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../../../..');
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
});
const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');

describe('the audit reads the page only through core/detect', () => {
  const audit = files(join(ROOT, 'core/audit'));

  it('walks no text of its own', () => {
    const bad = audit.filter((f) => /createTreeWalker|\.textContent|\.innerText|\.firstChild|\.nextSibling/.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });

  it('has no host patterns of its own: query portals come from core/data/query-sites through detection', () => {
    const bad = audit.filter((f) => /gov\\?\.cn|creditchina|gsxt/.test(code(f).replace(/'[a-z]+'|"[a-z]+"/g, ''))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });

  it('names elements in one dialect, detection’s elementPath', () => {
    const bad = audit.filter((f) => /cssPath|nth-of-type/.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});
