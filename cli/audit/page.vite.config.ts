import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sideEffectsOutsideCore } from '../../scripts/pure-core.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

// The audit's in-page script as one self-contained classic script (no imports), built with the rest by `npm run build`.
export default defineConfig({
  root: here,
  publicDir: false,
  build: {
    outDir: resolve(here, '../../dist/audit'),
    emptyOutDir: true,
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    lib: { entry: resolve(here, 'page-entry.ts'), formats: ['iife'], name: 'xinbiaoAuditPage', fileName: () => 'page.js' },
    rollupOptions: { treeshake: { moduleSideEffects: sideEffectsOutsideCore(resolve(here, '../..')) } },
  },
});
