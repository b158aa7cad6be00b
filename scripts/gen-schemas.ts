// Writes docs/schema/*.json and the validator data in core/validate/generated/ from the zod sources, so neither the
// documented formats nor the zod-free validators (widget, content script) can drift from the code.
// Usage: npx tsx scripts/gen-schemas.ts [--check]   (--check exits 1 when a committed file is out of date)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { CreditStatus } from '../core/model/schema';
import { AdapterDataFile } from '../core/lists/adapters';
import { BatchRequest, BatchResponse, ErrorBody } from '../core/sources/protocol';
import * as markSchemas from '../core/marks/schema';
import * as modelSchemas from '../core/model/schema';
import * as protocolSchemas from '../core/sources/protocol';
import * as trustSchemas from '../core/trust/schema';
import * as statusSchemas from '../core/status/schema';
import * as platformSchemas from '../extension/platform/schemas';

export const SCHEMA_DIR = resolve(import.meta.dirname, '../docs/schema');

/** File name → zod schema and its title; add a line here to publish another format. */
const SOURCES: Record<string, { schema: z.core.$ZodType; title: string; description: string }> = {
  'credit-status.json': { schema: CreditStatus, title: 'XinBiao credit status', description: 'Everything known about one market subject, each part with its provenance (docs/credit-status.md).' },
  'status-error.json': { schema: ErrorBody, title: 'XinBiao status endpoint error', description: 'Body of every error answer of the status endpoint (docs/status-endpoint.md).' },
  'batch-request.json': { schema: BatchRequest, title: 'XinBiao status endpoint batch request', description: 'Body of POST /v1/subjects:batch (docs/status-endpoint.md).' },
  'batch-response.json': { schema: BatchResponse, title: 'XinBiao status endpoint batch response', description: 'Answer of POST /v1/subjects:batch (docs/status-endpoint.md).' },
  'adapter-data.json': { schema: AdapterDataFile, title: 'XinBiao site adapter data file', description: 'Selectors and ways laid over the bundled site adapters, signed by an adapter publisher (docs/adapter-data.md); patterns must also pass its pattern rule.' },
};

/** The text every schema file should have, by file name. */
export function renderSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, { schema, title, description }] of Object.entries(SOURCES)) {
    const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
    out.set(file, `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`);
  }
  return out;
}

const read = (dir: string, f: string) => {
  try {
    return readFileSync(join(dir, f), 'utf8');
  } catch {
    return undefined;
  }
};

/** Files whose committed text differs from what the zod sources give. */
export function staleSchemas(dir = SCHEMA_DIR): string[] {
  return [...renderSchemas()].filter(([file, text]) => read(dir, file) !== text).map(([file]) => file);
}

// ---- Validator data for core/validate (the zod-free validators of the widget and the content script) ----

const ROOT = resolve(import.meta.dirname, '..');
/** Where generated validators go unless a module says otherwise (repo-relative). */
const GENERATED = 'core/validate/generated';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Node = { [k: string]: Json };

/**
 * Module → generated file. A whole module becomes a drop-in with the same export names (schemas compiled,
 * constants copied, functions re-exported from core/validate/lite/<file>.ts); `only` picks and renames schemas.
 */
export const LITE_MODULES: { file: string; source: string; exports: Record<string, unknown>; only?: Record<string, string>; dir?: string }[] = [
  { file: 'model', source: '../../model/schema', exports: modelSchemas },
  { file: 'marks', source: '../../marks/schema', exports: markSchemas },
  { file: 'trust', source: '../../trust/schema', exports: trustSchemas },
  { file: 'protocol', source: '../../sources/protocol', exports: protocolSchemas },
  { file: 'status', source: '../../status/schema', exports: statusSchemas },
  // Beside its source: core/ never imports the extension.
  { file: 'page-report', source: '../schemas', exports: platformSchemas, only: { PageReport: 'pageReportValidator' }, dir: 'extension/platform/generated' },
];

// Sorted, because module namespaces list exports alphabetically under tsx and in source order under vitest.
const sortedEntries = (o: Record<string, unknown>) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));

const isZod = (v: unknown): v is z.core.$ZodType => typeof v === 'object' && v !== null && '_zod' in v;

/** JSON Schema of one zod schema, with the refinements and regex flags JSON Schema would silently drop made explicit. */
export function validatorSchema(schema: z.core.$ZodType): Node {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const refine: Node[] = [];
      for (const check of (zodSchema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? []) {
        const def = check._zod.def as { check: string; format?: string; pattern?: RegExp; path?: string[]; error?: () => string };
        if (def.check === 'custom') {
          const message = def.error?.();
          if (typeof message !== 'string') throw new Error('a refinement needs a fixed message: it names the implementation in core/validate/lite');
          refine.push(def.path?.length ? { message, path: def.path } : { message });
        }
        // Patterns are compiled in Unicode mode (core/validate/compile.ts), as JSON Schema reads them: our own patterns
        // must carry `u`, or zod would count and match other units than the generated validator. zod's own formats
        // (dates) cannot take it; their patterns hold no class an astral character could fall into.
        if (def.pattern?.flags && def.pattern.flags !== 'u') throw new Error(`regex flags cannot be expressed: /${def.pattern.source}/${def.pattern.flags}`);
        if (def.pattern && def.format === 'regex' && def.pattern.flags !== 'u') throw new Error(`a pattern needs the u flag, as the generated validator reads it: /${def.pattern.source}/`);
        // A pattern's own message says what is wrong in words; without it the validator can only quote the pattern.
        const said = def.pattern ? def.error?.() : undefined;
        if (typeof said === 'string') (jsonSchema as Node).patternMessage = said;
      }
      if (refine.length) (jsonSchema as Node).refine = refine;
    },
  }) as Node;
  return compact(json);
}

/** Drops what the interpreter does not need: annotations, formats that the emitted pattern already is, implied types. */
function compact(node: Json): Node {
  const walk = (n: Json): Json => {
    if (Array.isArray(n)) return n.map(walk);
    if (n === null || typeof n !== 'object') return n;
    const out: Node = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === '$schema' || k === 'description' || k === 'title') continue;
      // zod's date and date-time checks are exactly their regexes, which come along as `pattern`.
      if (k === 'format' && typeof n.pattern === 'string') continue;
      if (k === 'type' && v === 'string' && ('const' in n || 'enum' in n)) continue;
      out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Node).map(([p, s]) => [p, walk(s)])) : walk(v);
    }
    return out;
  };
  return walk(node) as Node;
}

/** Where a shared subschema goes: the generator prints it as the name of its constant in defs.ts. */
type Ref = { [REF]: string };
const REF = Symbol('ref');
const isRef = (n: unknown): n is Ref => typeof n === 'object' && n !== null && REF in n;

/**
 * Moves every subschema that occurs more than once (and is longer than a name) into its own constant in defs.ts, so
 * the bundler keeps only the constants a build reaches and the shared data exists once.
 */
function dedupe(roots: Node[]): { roots: Node[]; defs: Map<string, Node> } {
  // Only schema positions count and move; `properties` is a name → schema map; enum, const, refine are data.
  const map = (n: Node, f: (v: Json) => Json): Node =>
    Object.fromEntries(
      Object.entries(n).map(([k, v]) => [
        k,
        k === 'properties' ? Object.fromEntries(Object.entries(v as Node).map(([p, s]) => [p, f(s)])) : k === 'items' ? f(v) : k === 'anyOf' || k === 'oneOf' ? (v as Json[]).map(f) : v,
      ]),
    );
  const counts = new Map<string, number>();
  const count = (n: Json): Json => {
    if ('$ref' in (n as Node)) throw new Error(`recursive schemas are not supported: ${JSON.stringify(n)}`);
    const key = JSON.stringify(n);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return map(n as Node, count);
  };
  roots.forEach(count);
  const names = new Map<string, string>();
  const defs = new Map<string, Node>();
  const swap = (n: Json, top = false): Json => {
    const key = JSON.stringify(n);
    if (top || (counts.get(key) ?? 0) < 2 || key.length <= 24) return map(n as Node, (x) => swap(x));
    let name = names.get(key);
    if (!name) {
      name = `d${names.size}`;
      names.set(key, name);
      // Inner constants are set first, so every constant comes after the ones it uses.
      defs.set(name, map(n as Node, (x) => swap(x)));
    }
    return { [REF]: name } as unknown as Json;
  };
  return { roots: roots.map((r) => swap(r, true) as Node), defs };
}

/** JavaScript text of validator data: JSON, with shared subschemas as the names of their constants. */
function toJs(n: unknown, used?: Set<string>): string {
  if (isRef(n)) {
    used?.add(n[REF]);
    return n[REF];
  }
  if (Array.isArray(n)) return `[${n.map((x) => toJs(x, used)).join(',')}]`;
  if (n === null || typeof n !== 'object') return JSON.stringify(n);
  return `{${Object.entries(n).map(([k, v]) => `${JSON.stringify(k)}:${toJs(v, used)}`).join(',')}}`;
}

const HEADER = '// Generated by scripts/gen-schemas.ts from the zod schemas: do not edit (npx tsx scripts/gen-schemas.ts).\n';

/** The text of every generated validator file, by repo-relative path. */
export function renderValidators(): Map<string, string> {
  const schemas: { file: number; name: string; as: string; schema: Node }[] = [];
  LITE_MODULES.forEach((m, file) => {
    for (const [name, value] of sortedEntries(m.exports)) {
      if (isZod(value) && (!m.only || name in m.only)) schemas.push({ file, name, as: m.only?.[name] ?? name, schema: validatorSchema(value) });
    }
  });
  const { roots, defs } = dedupe(schemas.map((s) => s.schema));
  const out = new Map<string, string>();
  const defLines = [...defs].map(([name, def]) => `export const ${name}: SchemaData = ${toJs(def)};`);
  out.set(`${GENERATED}/defs.ts`, `${HEADER}import type { SchemaData } from '../types';\n\n// Subschemas shared by the generated validators.\n${defLines.join('\n')}\n`);
  LITE_MODULES.forEach((m, file) => {
    const lines: string[] = [];
    const fromLite: string[] = [];
    const mine = schemas.map((s, k) => ({ ...s, schema: roots[k]! })).filter((s) => s.file === file);
    const used = new Set<string>();
    const texts = mine.map((s) => toJs(s.schema, used));
    const refines = texts.some((t) => t.includes('"refine"'));
    for (const [name, value] of sortedEntries(m.exports)) {
      if (m.only) continue;
      if (isZod(value)) continue;
      if (typeof value === 'function') fromLite.push(name);
      else if (value instanceof RegExp) lines.push(`export const ${name} = ${String(value)};`);
      else if (['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'object' && value !== null)) lines.push(`export const ${name} = ${JSON.stringify(value)} as const;`);
      else throw new Error(`cannot copy export ${name} of ${m.source}`);
    }
    mine.forEach((s, k) => {
      lines.push(`export const ${s.as}: Validator<output<typeof src.${s.name}>> = /* @__PURE__ */ compile(${texts[k]}${refines ? ', options' : ''});`);
    });
    const dir = m.dir ?? GENERATED;
    const to = (target: string) => {
      const r = relative(dir, target);
      return r.startsWith('.') ? r : `./${r}`;
    };
    const text = [
      HEADER,
      `import type { output } from 'zod/mini';`,
      `import type * as src from '${m.source}';`,
      `import { compile } from '${to('core/validate/compile')}';`,
      `import type { Validator } from '${to('core/validate/types')}';`,
      ...(used.size ? [`import { ${[...used].sort((a, b) => +a.slice(1) - +b.slice(1)).join(', ')} } from '${to(`${GENERATED}/defs`)}';`] : []),
      ...(refines ? [`import { refines } from '${to(`core/validate/lite/${m.file}`)}';`] : []),
      ...(fromLite.length ? [`export { ${fromLite.join(', ')} } from '${to(`core/validate/lite/${m.file}`)}';`] : []),
      ...(refines ? ['', 'const options = { refines };'] : []),
      '',
      ...lines,
      '',
    ].join('\n');
    out.set(`${dir}/${m.file}.ts`, text);
  });
  return out;
}

/** Generated validator files whose committed text differs from what the zod sources give. */
export function staleValidators(root = ROOT): string[] {
  return [...renderValidators()].filter(([file, text]) => read(root, file) !== text).map(([file]) => file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const stale = [...staleSchemas().map((f) => `docs/schema/${f}`), ...staleValidators()];
    for (const f of stale) process.stderr.write(`out of date: ${f} (run npx tsx scripts/gen-schemas.ts)\n`);
    process.exit(stale.length ? 1 : 0);
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [file, text] of renderSchemas()) writeFileSync(join(SCHEMA_DIR, file), text);
  const validators = renderValidators();
  for (const [file, text] of validators) {
    mkdirSync(dirname(join(ROOT, file)), { recursive: true });
    writeFileSync(join(ROOT, file), text);
  }
  process.stderr.write(`wrote ${renderSchemas().size} schemas to docs/schema/ and ${validators.size} validator files (${[...validators.keys()].join(', ')})\n`);
}
