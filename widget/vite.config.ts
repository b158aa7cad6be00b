import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUERY_SITES } from '../core/data/query-sites.ts';
import { sideEffectsOutsideCore } from '../scripts/pure-core.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');

// npm run build:release (XINBIAO_EDITION=release): the production root, checked by scripts/release-trust.ts, is compiled
// in and the `trust-root` attribute is ignored; the demo build reads the root the page names.
const RELEASE = process.env.XINBIAO_EDITION === 'release';
function releaseRoot(): string {
  const file = process.env.XINBIAO_TRUST_ROOT;
  if (!file) throw new Error('正式版需要 XINBIAO_TRUST_ROOT / a release build needs XINBIAO_TRUST_ROOT');
  const { kty, crv, x, kid } = JSON.parse(readFileSync(resolve(file), 'utf8')) as Record<string, string>;
  return JSON.stringify({ kty, crv, x, ...(kid ? { kid } : {}) });
}

// The zod/mini schema modules the widget reaches, and their zod-free stand-ins with the same export names
// (core/validate/generated, derived from these very modules by scripts/gen-schemas.ts): zod/mini would cost ≈7 kB gzip.
export const LITE_SCHEMAS: Record<string, string> = Object.fromEntries(
  [
    ['core/model/schema.ts', 'model'],
    ['core/marks/schema.ts', 'marks'],
    ['core/trust/schema.ts', 'trust'],
    ['core/sources/protocol.ts', 'protocol'],
    ['core/status/schema.ts', 'status'],
  ].map(([from, to]) => [resolve(root, from!), resolve(root, `core/validate/generated/${to}.ts`)]),
);

/** Swaps a schema module for its lite module however it is imported ('./schema', '../model/schema', …). */
const liteSchemas = (): Plugin => ({
  name: 'xinbiao-lite-schemas',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !/schema|protocol/.test(source)) return null;
    const found = await this.resolve(source, importer, { ...options, skipSelf: true });
    return found && LITE_SCHEMAS[found.id] ? LITE_SCHEMAS[found.id] : null;
  },
});

const SITES_MODULE = resolve(root, 'core/data/query-sites.ts');
const SEARCH_SITES = '\0xinbiao-search-sites';

/**
 * The query window only links to sites: its import of core/data/query-sites gets the same table, generated from it
 * here, without the hosts that detection matches on (the functions still come from the real module).
 */
const searchSites = (): Plugin => ({
  name: 'xinbiao-search-sites',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || importer === SEARCH_SITES || !source.includes('query-sites')) return null;
    const found = await this.resolve(source, importer, { ...options, skipSelf: true });
    return found?.id === SITES_MODULE ? SEARCH_SITES : null;
  },
  load(id) {
    if (id !== SEARCH_SITES) return null;
    const sites = QUERY_SITES.map(({ id, name, level, searchUrl }) => ({ id, name, level, searchUrl }));
    return `export const QUERY_SITES = ${JSON.stringify(sites)};\nexport { querySearchUrl } from ${JSON.stringify(SITES_MODULE)};\n`;
  },
});

// xinbiao.js is the classic-script loader (no imports, self-invoking), xinbiao.mjs the elements, mark UI and VanJS
// (first paint). Everything else is reached only through `import('./lazy')` and so becomes one chunk,
// xinbiao-lazy.mjs, with real exports (no namespace objects): each gzip file starts with an empty dictionary, and one
// lazy file compresses far better than several (a separate query-window chunk saves a mark-only page 4 kB but costs
// the whole kit 1 kB).
export default defineConfig({
  root: here,
  plugins: [liteSchemas(), searchSites()],
  // core/validate/compile skips its load-time checks of the schema data: the generator and the tests run them.
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), XINBIAO_SCHEMA_CHECKS: 'false', XINBIAO_TRUST_ROOT: RELEASE ? releaseRoot() : 'null' },
  publicDir: 'public',
  build: {
    outDir: RELEASE ? '../dist/widget-release' : '../dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    lib: {
      entry: { xinbiao: 'index.ts', loader: 'loader.ts' },
      formats: ['es'],
      fileName: (_format, name) => (name === 'loader' ? 'xinbiao.js' : `${name}.mjs`),
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      treeshake: { moduleSideEffects: sideEffectsOutsideCore(root) },
      output: {
        chunkFileNames: 'xinbiao-[name].mjs',
        minify: true,
        // No /* @__PURE__ */ or other comments in the shipped files.
        comments: false,
      },
    },
  },
});
