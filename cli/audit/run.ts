import { rmSync } from 'node:fs';
import type { PageKind } from '../../core/audit';
import { openBrowser } from './browser';
import { loadContext, type ContextOptions } from './context';
import type { AuditTarget } from './inputs';
import { mapPool } from './pool';
import { progress } from './progress';
import type { AuditReport } from './report';
import { writeReport } from './report-files';
import { auditPage, type PageReport } from './run-page';

export interface RunOptions extends ContextOptions {
  out: string;
  concurrency: number;
  timeout: number;
  retries: number;
  browserWs?: string;
  pageKind?: PageKind;
  viewport?: { width: number; height: number };
  /** Called as each page finishes (the command prints its JSON line). */
  onPage?: (page: PageReport) => void;
  quiet?: boolean;
}

/** Audits the targets in one browser with bounded concurrency and writes the report folder. */
export async function runAudit(targets: AuditTarget[], options: RunOptions): Promise<AuditReport> {
  const ctx = await loadContext(options);
  rmSync(`${options.out}/pages`, { recursive: true, force: true });
  const browser = await openBrowser(options.browserWs, options.timeout);
  const bar = options.quiet ? undefined : progress(targets.length);
  try {
    const pages = await mapPool(targets, options.concurrency, async (t, i) => {
      const p = await auditPage(browser, t, i, options.out, ctx, {
        timeout: options.timeout, retries: options.retries, pageKind: options.pageKind, viewport: options.viewport ?? { width: 1280, height: 800 },
      });
      bar?.tick(t.input, p.status === 'error');
      options.onPage?.(p);
      return p;
    });
    bar?.done();
    const { onPage: _o, ...shown } = options;
    return writeReport(options.out, pages, { ...shown }, ctx.refused);
  } finally {
    await browser.close().catch(() => {});
  }
}
