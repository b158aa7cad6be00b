// audit-throughput: `xinbiao audit` over 50 local fixture pages at concurrency 2, as ms per page (cost, so the ratio
// stays ours / floor). Floor: a bare Playwright goto + screenshot loop over the same pages at the same concurrency.
// Budget (docs/audit.md): ratio ≤ 1.4. The run fails unless every page was audited by every rule.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIT_RULES } from '../core/audit';
import type { AuditReport } from '../cli/audit/report';
import { runAudit } from '../cli/audit/run';
import { startFixtureServer } from '../test/support/fixture-server';
import { gotoScreenshotFloor } from './support/goto-floor';
import type { Benchmark } from './types';

const PAGES = 50;
const CONCURRENCY = 2;
const FIX = resolve(import.meta.dirname, '../test/fixtures/audit');

/** A time counts only when every page was loaded and every rule gave it a finding: a failed page is cheap. */
function assertAudited(report: AuditReport, urls: readonly string[]): void {
  const rules = AUDIT_RULES.map((r) => r.id);
  for (const url of urls) {
    const page = report.pages.find((p) => p.url === url);
    if (!page || page.status !== 'ok') throw new Error(`not audited: ${url}${page?.error ? ` (${page.error})` : ''}`);
    const missing = rules.filter((id) => !page.findings.some((f) => f.ruleId === id));
    if (missing.length) throw new Error(`${url}: no finding for ${missing.join(', ')}`);
  }
}

async function ours(urls: string[]): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'xinbiao-bench-audit-'));
  try {
    const t0 = performance.now();
    const report = await runAudit(urls.map((u) => ({ input: u })), { out, concurrency: CONCURRENCY, timeout: 30_000, retries: 0, quiet: true, pdf: false });
    const ms = performance.now() - t0;
    assertAudited(report, urls);
    return ms;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const bench: Benchmark = {
  name: 'audit-throughput',
  async run() {
    const server = await startFixtureServer(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const files = readdirSync(FIX).filter((f) => f.endsWith('.html')).sort();
      // The fixture pages repeated, each address distinct so nothing is served from a cache.
      const urls = Array.from({ length: PAGES }, (_, i) => `http://127.0.0.1:${port}/audit/${files[i % files.length]}?n=${i}`);
      await ours(urls.slice(0, 4));
      await gotoScreenshotFloor(urls.slice(0, 4), CONCURRENCY);
      const f = await gotoScreenshotFloor(urls, CONCURRENCY);
      const o = await ours(urls);
      return [{ name: 'audit-throughput', value: o / PAGES, unit: 'ms/page', floor: f / PAGES, budget: 1.4 }];
    } finally {
      server.close();
    }
  },
};
export default bench;
