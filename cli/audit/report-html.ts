import { auditRule } from '../../core/audit';
import type { AuditReport } from './report';
import type { PageReport } from './run-page';
import { OUTCOMES, type Counts } from './summary';

/** Escapes text for HTML content and attribute values: every value from a page is untrusted. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LABEL: Record<string, string> = { violation: '违规 Violation', 'needs-review': '待复核 Needs review', pass: '通过 Pass', 'not-applicable': '不适用 N/A', error: '错误 Error' };
const COLOR: Record<string, string> = { violation: '#c62828', 'needs-review': '#ef8f00', pass: '#2e7d32', 'not-applicable': '#8a8f98', error: '#6a1b9a' };

/** Stacked horizontal bars, one per row, as inline SVG (no script, no external asset). */
function chart(title: string, rows: [string, Counts][]): string {
  const h = 22;
  const labelW = 260;
  const barW = 420;
  const max = Math.max(1, ...rows.map(([, c]) => OUTCOMES.reduce((a, o) => a + c[o], 0)));
  const bars = rows.map(([name, c], i) => {
    let x = labelW;
    const segs = OUTCOMES.filter((o) => c[o] > 0).map((o) => {
      const w = (c[o] / max) * barW;
      const seg = `<rect x="${x.toFixed(1)}" y="${i * h + 4}" width="${w.toFixed(1)}" height="${h - 8}" fill="${COLOR[o]}"><title>${esc(`${name}: ${LABEL[o]} ${c[o]}`)}</title></rect>`;
      x += w;
      return seg;
    }).join('');
    return `<text x="${labelW - 8}" y="${i * h + h / 2 + 4}" text-anchor="end">${esc(name)}</text>${segs}`;
  }).join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${labelW + barW + 10}" height="${rows.length * h + 4}" viewBox="0 0 ${labelW + barW + 10} ${rows.length * h + 4}">${bars}</svg></figure>`;
}

function page(p: PageReport, shot: string | undefined): string {
  const rows = p.findings.map((f) => {
    const rule = auditRule(f.ruleId);
    return `<tr class="o-${esc(f.outcome)}"><td>${esc(rule ? `${rule.title.zh}` : f.ruleId)}<br><small>${esc(rule?.title.en ?? '')}</small></td><td><span class="badge" data-outcome="${esc(f.outcome)}">${esc(LABEL[f.outcome])}</span></td><td>${esc(f.message.zh)}<br><small>${esc(f.message.en)}</small></td><td><code>${esc(f.selector ?? '')}</code></td></tr>`;
  }).join('');
  const ev = p.evidence;
  return `<section class="page" id="page-${p.index + 1}" data-status="${esc(p.status)}">
<h3>${p.index + 1}. ${esc(p.title || p.input)}</h3>
<p class="meta"><a href="${esc(p.url)}">${esc(p.url)}</a> · ${esc(p.finishedAt)}${p.pageKind ? ` · ${esc(p.pageKind)}` : ''}${p.error ? ` · <strong>${esc(p.error)}</strong>` : ''}</p>
${ev.htmlSha256 ? `<p class="meta">HTML SHA-256 <code>${esc(ev.htmlSha256)}</code> · <a href="${esc(ev.html)}">page.html</a> · <a href="${esc(ev.facts)}">facts.json</a></p>` : ''}
<table><thead><tr><th>规则 Rule</th><th>结果 Outcome</th><th>说明 Message</th><th>元素 Element</th></tr></thead><tbody>${rows}</tbody></table>
${shot ? `<img class="shot" alt="页面截图 Screenshot of page ${p.index + 1}" src="data:image/png;base64,${shot}">` : ''}
</section>`;
}

/**
 * The self-contained report.html: summary, charts by rule and by site, a campaign's section (escaped HTML, when
 * given), then every page with findings and screenshot.
 */
export function renderHtml(report: AuditReport, shot: (p: PageReport) => string | undefined, campaignHtml = ''): string {
  const s = report.summary;
  const cards = OUTCOMES.map((o) => `<div class="card" data-outcome="${o}"><span class="n">${s.total[o]}</span> ${esc(LABEL[o])}</div>`).join('');
  const byRule = Object.entries(s.byRule).map(([id, c]) => [auditRule(id)?.title.zh ?? id, c] as [string, Counts]);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>信标审查报告 XinBiao audit report</title>
<style>
:root{color-scheme:light dark;--fg:#1d1f23;--bg:#fff;--mute:#5f6570;--line:#d9dce1}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181c;--mute:#a0a6b0;--line:#3a3f47}}
body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;border-left:6px solid}
.card .n{font-size:24px;font-weight:700}
${OUTCOMES.map((o) => `[data-outcome="${o}"]{border-left-color:${COLOR[o]}}.badge[data-outcome="${o}"]{background:${COLOR[o]}}`).join('')}
.badge{color:#fff;border-radius:4px;padding:1px 6px;white-space:nowrap}
svg text{fill:var(--fg);font-size:12px}figure{margin:16px 0}figcaption{font-weight:600}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px;text-align:left;vertical-align:top}
small,.meta{color:var(--mute)}code{word-break:break-all}.shot{max-width:100%;border:1px solid var(--line);margin-top:8px}
.page{border-top:2px solid var(--line);margin-top:24px}
a{color:inherit}
</style></head><body>
<header><h1>信标审查报告 <small>XinBiao audit report</small></h1>
<p class="meta">生成时间 Generated ${esc(report.generatedAt)} · 页面 Pages ${s.pages} · 加载失败 Failed ${s.failedPages}</p></header>
<main>
<section id="summary" aria-label="汇总 Summary"><h2>汇总 Summary</h2><div class="cards">${cards}</div>
${chart('按规则 By rule', byRule)}
${chart('按站点 By site', Object.entries(s.bySite))}
</section>
${campaignHtml}
<section id="pages"><h2>页面 Pages</h2>
${report.pages.map((p) => page(p, shot(p))).join('\n')}
</section></main></body></html>
`;
}
