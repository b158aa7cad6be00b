import type { Browser } from 'playwright';
import type { RunRecord } from '../../core/audit';
import { esc } from './report-html';

/** One line of run metadata for the top of every PDF page: run, operator, rule set, time span. */
export function pdfHeaderLine(run: RunRecord): string {
  return [`信标审查报告 XinBiao audit report · ${run.id}`, run.operator ? `执行人 Operator ${run.operator}` : '',
    `规则集 Rules ${run.ruleSet.version}`, `xinbiao ${run.tool.version}`, `${run.startedAt} – ${run.finishedAt}`].filter(Boolean).join(' · ');
}

// Header and footer templates are drawn outside the page's CSS: fonts and sizes must be inline, and small.
const box = 'font-size:8px;width:100%;padding:0 12mm;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#444;';

/**
 * Prints the report HTML to PDF with Chromium (A4, backgrounds) with the run's metadata in the header and
 * `第 n / N 页 Page n of N` in the footer of every page. The HTML is set as content, so a remote browser works too.
 */
export async function printPdf(browser: Browser, html: string, run: RunRecord): Promise<Buffer> {
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' },
      headerTemplate: `<div style='${box}'>${esc(pdfHeaderLine(run))}${run.demo.trust || run.demo.lists ? ' · 使用演示数据 DEMO DATA' : ''}</div>`,
      footerTemplate: `<div style='${box}text-align:center'>第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页 · Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    });
  } finally {
    await context.close().catch(() => {});
  }
}
