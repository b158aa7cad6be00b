import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../server/package-root';

/** Where `npm run build` writes the audit's in-page script (cli/audit/page-entry.ts). */
export const PAGE_SCRIPT = resolve(PACKAGE_ROOT, 'dist/audit/page.js');

let cached: string | undefined;

/** The in-page script that defines `__xinbiaoAuditFacts(options)`; read once per process. Throws when it was not built. */
export function pageScript(): string {
  if (cached === undefined) {
    try {
      cached = readFileSync(PAGE_SCRIPT, 'utf8');
    } catch {
      throw new Error(`审查页面脚本未构建，请先运行 npm run build (the audit's page script is missing: run npm run build; expected ${PAGE_SCRIPT})`);
    }
  }
  return cached;
}
