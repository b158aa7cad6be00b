import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { assess, chinaTime, errorFinding, type AuditInput, type CreditClass, type Finding, type PageFacts, type PageKind } from '../../core/audit';
import { sha256Hex } from '../../core/crypto';
import type { AuditContext } from './context';
import type { AuditTarget } from './inputs';
import { pageScript } from './page-script';
import { savedHtmlBytes } from '../decode';

export interface PageOptions {
  timeout: number;
  retries: number;
  pageKind?: PageKind;
  viewport: { width: number; height: number };
}

/** Files kept for one page, relative to the report folder. */
export interface PageEvidence {
  dir: string;
  screenshot?: string;
  html?: string;
  htmlSha256?: string;
  facts?: string;
}

/** One audited page in the report; times are China time with offset (`chinaTime`). */
export interface PageReport {
  index: number;
  input: string;
  url: string;
  finalUrl?: string;
  status: 'ok' | 'error';
  error?: string;
  attempts: number;
  startedAt: string;
  finishedAt: string;
  pageKind?: PageKind;
  title?: string;
  /** The address a saved page came from (its "saved from url" comment): the report groups it under that site. */
  savedFrom?: string;
  /** The operator's USCC as the population named it, its credit class and its inspectors (双随机), when known. */
  uscc?: string;
  creditClass?: CreditClass;
  inspectors?: string[];
  evidence: PageEvidence;
  findings: Finding[];
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Opens one page, reads and assesses it, keeps the evidence; a page that fails every attempt is an `error` row. */
export async function auditPage(browser: Browser, target: AuditTarget, index: number, out: string, ctx: AuditContext, opts: PageOptions): Promise<PageReport> {
  const startedAt = chinaTime(Date.now());
  const dir = `pages/${pad(index + 1)}`;
  mkdirSync(join(out, dir), { recursive: true });
  let lastError = '';
  for (let attempt = 1; attempt <= opts.retries + 1; attempt++) {
    const context = await browser.newContext({ viewport: opts.viewport, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(opts.timeout);
      const response = await page.goto(target.url, { waitUntil: 'load', timeout: opts.timeout });
      if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()}`);
      const html = await page.content();
      // Evaluated through the debugging protocol, so the page's CSP neither blocks it nor has to be bypassed.
      await page.evaluate(pageScript());
      const facts = await page.evaluate((o) => (globalThis as unknown as { __xinbiaoAuditFacts(o: unknown): PageFacts }).__xinbiaoAuditFacts(o), { pageKind: opts.pageKind });
      const png = await page.screenshot({ timeout: opts.timeout });
      const { input, findings } = await assess(facts, { trust: ctx.trust, lists: ctx.lists, now: Date.now() });
      const bytes = savedHtmlBytes(html);
      const evidence: PageEvidence = { dir, screenshot: `${dir}/screenshot.png`, html: `${dir}/page.html`, htmlSha256: sha256Hex(bytes), facts: `${dir}/facts.json` };
      writeFileSync(join(out, evidence.screenshot!), png);
      writeFileSync(join(out, evidence.html!), bytes);
      const finishedAt = chinaTime(Date.now());
      writeFileSync(join(out, evidence.facts!), `${JSON.stringify({ url: target.url, finalUrl: page.url(), time: finishedAt, htmlSha256: evidence.htmlSha256, input } satisfies { input: AuditInput } & Record<string, unknown>, null, 2)}\n`);
      return { index, input: target.input, url: target.url, finalUrl: page.url(), status: 'ok', attempts: attempt, startedAt, finishedAt, pageKind: facts.pageKind, title: facts.title, ...(facts.savedFrom ? { savedFrom: facts.savedFrom } : {}), evidence, findings };
    } catch (err) {
      lastError = ((err as Error).message ?? String(err)).split('\n')[0]!;
    } finally {
      await context.close().catch(() => {});
    }
  }
  const finishedAt = chinaTime(Date.now());
  writeFileSync(join(out, dir, 'error.json'), `${JSON.stringify({ url: target.url, time: finishedAt, error: lastError }, null, 2)}\n`);
  return { index, input: target.input, url: target.url, status: 'error', error: lastError, attempts: opts.retries + 1, startedAt, finishedAt, evidence: { dir }, findings: [errorFinding(lastError)] };
}
