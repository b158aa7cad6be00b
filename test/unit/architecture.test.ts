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

/** Relative imports (values and types) of every file under the given folders, as repository-relative paths. */
function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of dirs.flatMap(sources)) {
    const resolveTs = (spec: string) => {
      const base = join(f, '..', spec);
      const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => { try { return statSync(p).isFile(); } catch { return false; } });
      return hit && relative(ROOT, hit);
    };
    graph.set(relative(ROOT, f), imports(f).filter((i) => i.startsWith('.')).flatMap((i) => resolveTs(i) ?? []));
  }
  return graph;
}

/** Every cycle of a directed graph, each as its nodes from the smallest one (a strongly connected component walk). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found = new Set<string>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) found.add([...path].join(' → '));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const n of [...edges.keys()].sort()) walk(n, n, [n]);
  return [...found].map((c) => c.split(' → '));
}

describe('no loops', () => {
  it('no file imports itself back (extension/platform, widget, core except its generated validators)', () => {
    const graph = importGraph(['core', 'widget', 'extension/platform']);
    const edges = new Map([...graph].filter(([f]) => !f.startsWith('core/validate/')).map(([f, to]) => [f, new Set(to)]));
    expect(cycles(edges)).toEqual([]);
  });

  it('no folder loops inside core/ or between the widget folders (ui, query, data, elements)', () => {
    const graph = importGraph(['core', 'widget']);
    const folders = new Map<string, Set<string>>();
    for (const [f, to] of graph) {
      const from = f.split('/').slice(0, 2).join('/');
      if (from.startsWith('core/validate') || !/^(core|widget)\/[^/.]+$/.test(from)) continue;
      for (const t of to) {
        const dir = t.split('/').slice(0, 2).join('/');
        if (dir !== from && /^(core|widget)\/[^/.]+$/.test(dir)) (folders.get(from) ?? folders.set(from, new Set()).get(from)!).add(dir);
      }
    }
    expect(cycles(folders)).toEqual([]);
  });
});
