import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

// Runs in the audited page: reads the facts with boxes from the live layout, so prominence is measured, not guessed.
const entry = (withDetect: boolean) => `
import { collectPageFacts${withDetect ? ', fromDetect' : ''} } from './core/audit';
${withDetect ? "import { detect } from './core/detect';" : ''}
globalThis.__xinbiaoAuditFacts = (opts) => {
  const measure = (el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  };
  return collectPageFacts(document, {
    url: location.href,
    viewport: { width: innerWidth, height: innerHeight },
    measure,
    ${withDetect ? 'detection: fromDetect(detect(document)),' : ''}
    ...(opts && opts.pageKind ? { pageKind: opts.pageKind } : {}),
  });
};`;

let cached: Promise<string> | undefined;

/** The page-side script (IIFE) that defines `__xinbiaoAuditFacts(options)`; built once per process. */
export function pageScript(): Promise<string> {
  cached ??= (async () => {
    const withDetect = existsSync(resolve(ROOT, 'core/detect/index.ts'));
    const out = await build({
      stdin: { contents: entry(withDetect), resolveDir: ROOT, loader: 'js' },
      bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', minify: true,
    });
    return out.outputFiles[0]!.text;
  })();
  return cached;
}
