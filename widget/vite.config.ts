import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// One ES build with code splitting: xinbiao.js is the classic-script loader (no imports, self-invoking),
// xinbiao.mjs the elements + mark UI, and the licence card and query window are chunks loaded on first use.
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
    rollupOptions: {
      output: { chunkFileNames: 'xinbiao-[name].mjs', minify: true },
    },
  },
});
