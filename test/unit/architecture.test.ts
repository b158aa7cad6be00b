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
  it('core/ imports nothing from preact, vanjs, wxt, the widget or the extension', () => {
    const bad = sources('core').flatMap((f) =>
      imports(f).filter((i) => /^(preact|@preact|vanjs-core|wxt|webextension-polyfill)/.test(i) || /(^|\/)(widget|extension)\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
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

  // The kit's 25 kB budget has no room for a diffing framework: its DOM is built with VanJS (docs/widget.md).
  it('widget/ imports no preact', () => {
    const bad = sources('widget').flatMap((f) => imports(f).filter((i) => /^(preact|@preact)/.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('no HTML injection sinks in shipped code: outside data is rendered as text', () => {
    const sink = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/;
    const bad = ['core', 'widget', 'extension'].flatMap(sources).filter((f) => sink.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});

// Relative imports of our own sources, resolved to files (folder imports to their index).
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('~~/') ? join(ROOT, spec.slice(3)) : spec.startsWith('.') ? join(from, '..', spec) : undefined;
  if (!base) return undefined;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try { if (statSync(c).isFile()) return c; } catch { /* next candidate */ }
  }
  return undefined;
}

const LAYERS = ['core', 'widget', 'extension', 'cli', 'server'];

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of LAYERS.flatMap(sources)) g.set(f, imports(f).map((i) => resolveImport(f, i)).filter((x): x is string => !!x && /\.tsx?$/.test(x)));
  return g;
}

/** Strongly connected groups of more than one node (Tarjan), each as sorted names. */
function cycles(g: Map<string, string[]>): string[][] {
  let n = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>(), out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, n); low.set(v, n); n++; stack.push(v); on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the layout of the house', () => {
  it('no import cycles between files', () => {
    expect(cycles(graph()).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([]);
  });

  it('no import loops between the folders of a layer (core/lists, widget/ui, …; the top files of a layer compose them)', () => {
    const folder = (f: string) => { const p = relative(ROOT, f).split('/'); return p.length > 2 ? p.slice(0, 2).join('/') : undefined; };
    const g = new Map<string, string[]>();
    for (const [f, deps] of graph()) {
      const from = folder(f);
      if (!from) continue;
      const list = g.get(from) ?? [];
      for (const d of deps.map(folder)) if (d && d !== from && !list.includes(d)) list.push(d);
      g.set(from, list);
    }
    expect(cycles(g)).toEqual([]);
  });

  // Code generators (scripts/) and build configurations read single modules by design; generated validators are their output.
  it('outside core, code reaches core only through its face: core/<area> (its index.ts), one import style', () => {
    const bad = ['widget', 'extension', 'cli', 'server', 'bench'].flatMap(sources).filter((f) => !f.includes('/generated/') && !f.endsWith('.config.ts')).flatMap((f) =>
      imports(f).flatMap((i) => {
        const target = i.startsWith('~~/') ? join(ROOT, i.slice(3)) : i.startsWith('.') ? join(f, '..', i) : undefined;
        const parts = target ? relative(ROOT, target).split('/') : [];
        return parts[0] === 'core' && (parts.length !== 2 || i.startsWith('~~/')) ? [`${relative(ROOT, f)} → ${i}`] : [];
      }));
    expect(bad).toEqual([]);
  });

  it('the widget and the extension never import the command line or the server', () => {
    const bad = ['widget', 'extension'].flatMap(sources).flatMap((f) =>
      imports(f).filter((i) => /(^|\/)(cli|server)\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(bad).toEqual([]);
  });
});
