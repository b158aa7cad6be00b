import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// Everything the first paint does not need: verification (core/marks, core/trust, zod/mini schemas, verdict),
// the endpoint client, the licence card and the query window. One chunk, because each gzip file starts with an
// empty dictionary: one lazy file compresses far better than seven small ones (a separate query-window chunk
// saves a mark-only page 4 kB but costs the whole kit 1 kB and a shared runtime file).
const LAZY = /[\\/](?:widget[\\/](?:data|query)[\\/]|widget[\\/]ui[\\/](?:LicenceCard|card\.css|links|mask)\.|core[\\/](?!marks[\\/]outcome\.)|node_modules[\\/]zod[\\/])/;

// xinbiao.js is the classic-script loader (no imports, self-invoking), xinbiao.mjs the elements, mark UI and Preact
// (first paint); xinbiao-lazy.mjs loads on first use.
export default defineConfig({
  root: here,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: 'public',
  build: {
    outDir: '../dist/widget',
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
      output: {
        chunkFileNames: 'xinbiao-[name].mjs',
        minify: true,
        codeSplitting: { groups: [{ name: 'lazy', test: LAZY, includeDependenciesRecursively: false }] },
      },
    },
  },
});
