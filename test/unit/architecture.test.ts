import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');

describe('layer rules', () => {
  it('core/ imports nothing from preact, wxt, the widget or the extension', () => {
    const bad = sources('core').flatMap((f) =>
      imports(f).filter((i) => /^(preact|@preact|wxt|webextension-polyfill)/.test(i) || /(^|\/)(widget|extension)\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('core/ touches no DOM or extension globals (a Document comes in as a parameter)', () => {
    const bad = sources('core').filter((f) => /\b(window|document|localStorage|chrome|browser)\s*\./.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });

  it('widget/ never imports the extension', () => {
    const bad = sources('widget').flatMap((f) => imports(f).filter((i) => /(^|\/)extension\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('no HTML injection sinks in shipped code: outside data is rendered as text', () => {
    const sink = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/;
    const bad = ['core', 'widget', 'extension'].flatMap(sources).filter((f) => sink.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});
