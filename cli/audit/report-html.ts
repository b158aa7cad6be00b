import { auditRule, CLASS_LABEL, type RunRecord } from '../../core/audit';
import type { AuditReport } from './report';
import type { PageReport } from './run-page';
import { OUTCOMES, siteOf, type Counts } from './summary';

/** Escapes text for HTML content and attribute values: every value from a page is untrusted. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LABEL: Record<string, string> = { violation: '违规 Violation', 'needs-review': '待复核 Needs review', pass: '通过 Pass', 'not-applicable': '不适用 N/A', error: '错误 Error' };
const COLOR: Record<string, string> = { violation: '#c62828', 'needs-review': '#ef8f00', pass: '#2e7d32', 'not-applicable': '#8a8f98', error: '#6a1b9a' };

/**
 * `text` cut to about `px` pixels at the charts' 12px font, with `…` where it was cut: SVG text does not wrap, and a
 * longer label would run off the chart's left edge. Widths are estimates (CJK and full-width 12px, others 7px).
 */
export function fitLabel(text: string, px: number): string {
  const width = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7);
  const chars = [...text];
  if (chars.reduce((a, ch) => a + width(ch), 0) <= px) return text;
  let used = width('…');
  let end = 0;
  while (end < chars.length && used + width(chars[end]!) <= px) used += width(chars[end++]!);
  return `${chars.slice(0, end).join('')}…`;
}

/** Stacked horizontal bars, one per row, as inline SVG (no script, no external asset), each segment and row total written out. */
function chart(title: string, rows: [string, Counts][]): string {
  const h = 22;
  const labelW = 260;
  const barW = 380;
  const totalW = 50;
  const max = Math.max(1, ...rows.map(([, c]) => OUTCOMES.reduce((a, o) => a + c[o], 0)));
  const bars = rows.map(([name, c], i) => {
    let x = labelW;
    const segs = OUTCOMES.filter((o) => c[o] > 0).map((o) => {
      const w = (c[o] / max) * barW;
      // The count inside its segment when it fits; the row's tooltip and the legend carry it otherwise.
      const n = w >= 16 ? `<text class="n" x="${(x + w / 2).toFixed(1)}" y="${i * h + h / 2 + 4}" text-anchor="middle">${c[o]}</text>` : '';
      const seg = `<rect x="${x.toFixed(1)}" y="${i * h + 4}" width="${w.toFixed(1)}" height="${h - 8}" fill="${COLOR[o]}"><title>${esc(`${name}: ${LABEL[o]} ${c[o]}`)}</title></rect>${n}`;
      x += w;
      return seg;
    }).join('');
    const total = OUTCOMES.reduce((a, o) => a + c[o], 0);
    const detail = OUTCOMES.filter((o) => c[o] > 0).map((o) => `${LABEL[o]!.split(' ')[0]!} ${c[o]}`).join(' · ');
    return `<text x="${labelW - 8}" y="${i * h + h / 2 + 4}" text-anchor="end">${esc(fitLabel(name, labelW - 16))}<title>${esc(name)}</title></text>${segs}<text class="total" x="${x + 6}" y="${i * h + h / 2 + 4}">${total}<title>${esc(detail)}</title></text>`;
  }).join('');
  const width = labelW + barW + totalW;
  const legend = `<p class="legend">${OUTCOMES.map((o) => `<span class="key" data-outcome="${o}"></span>${esc(LABEL[o])}`).join(' ')}</p>`;
  const table = `<table class="counts"><thead><tr><th>${esc(title)}</th>${OUTCOMES.map((o) => `<th>${esc(LABEL[o])}</th>`).join('')}</tr></thead><tbody>${rows.map(([name, c]) => `<tr><td>${esc(name)}</td>${OUTCOMES.map((o) => `<td>${c[o]}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${width}" height="${rows.length * h + 4}" viewBox="0 0 ${width} ${rows.length * h + 4}">${bars}</svg>${legend}${table}</figure>`;
}

function page(p: PageReport, shot: string | undefined): string {
  const rows = p.findings.map((f) => {
    const rule = auditRule(f.ruleId);
    const basis = (f.basis ?? rule?.basis ?? []).map((b) => `<li>${esc(b)}</li>`).join('');
    return `<tr class="o-${esc(f.outcome)}"><td>${esc(rule ? `${rule.title.zh}` : f.ruleId)}<br><small>${esc(rule?.title.en ?? '')}</small></td><td><span class="badge" data-outcome="${esc(f.outcome)}">${esc(LABEL[f.outcome])}</span></td><td>${esc(f.message.zh)}<br><small>${esc(f.message.en)}</small></td><td class="basis"><ul>${basis}</ul></td><td><code>${esc(f.selector ?? '')}</code></td></tr>`;
  }).join('');
  const ev = p.evidence;
  return `<section class="page" id="page-${p.index + 1}" data-status="${esc(p.status)}">
<h3>${p.index + 1}. ${esc(p.title || p.input)}</h3>
<p class="meta"><a href="${esc(p.url)}">${esc(p.url)}</a>${p.savedFrom ? ` · 保存自 saved from ${esc(p.savedFrom)}` : ''} · ${esc(p.finishedAt)}${p.pageKind ? ` · ${esc(p.pageKind)}` : ''}${p.error ? ` · <strong>${esc(p.error)}</strong>` : ''}</p>
${p.uscc || p.creditClass || p.inspectors ? `<p class="meta">${p.uscc ? `统一社会信用代码 USCC ${esc(p.uscc)}` : ''}${p.creditClass ? ` · 信用分类 Credit class ${esc(CLASS_LABEL[p.creditClass].zh)} ${esc(CLASS_LABEL[p.creditClass].en)}` : ''}${p.inspectors ? ` · 检查人员 Inspectors <span class="inspectors">${esc(p.inspectors.join('、'))}</span>` : ''}</p>` : ''}
${ev.htmlSha256 ? `<p class="meta">HTML SHA-256 <code>${esc(ev.htmlSha256)}</code> · <a href="${esc(ev.html)}">page.html</a> · <a href="${esc(ev.facts)}">facts.json</a></p>` : ''}
<table><thead><tr><th>规则 Rule</th><th>结果 Outcome</th><th>说明 Message</th><th>依据 Legal basis</th><th>元素 Element</th></tr></thead><tbody>${rows}</tbody></table>
${shot ? `<img class="shot" alt="页面截图 Screenshot of page ${p.index + 1}" src="data:image/png;base64,${shot}">` : ''}
</section>`;
}

/** Rows of a definition list; values are escaped. */
const dl = (rows: [string, string | undefined][]) => `<dl class="meta-list">${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;

/** The header's warning, in both languages, when the demo trust list or lists were used. */
const demoNote = (run: RunRecord) => (run.demo.trust || run.demo.lists
  ? `<p class="demo" role="note" data-testid="demo-data">本报告使用了演示数据（${[run.demo.trust ? '信任列表' : '', run.demo.lists ? '信用名单' : ''].filter(Boolean).join('、')}），不得作为执法依据。
This report used the DEMO ${[run.demo.trust ? 'trust list' : '', run.demo.lists ? 'credit lists' : ''].filter(Boolean).join(' and ')}: it is not evidence for enforcement.</p>` : '');

/**
 * The run record for a reader: who, when, which tool, rules, trust list and lists (with digests), the list files refused
 * (and why), population and sample.
 */
function runSection(run: RunRecord, refused: AuditReport['refusedLists']): string {
  const lists = run.lists.map((l) => `<tr><td>${esc(l.id)}</td><td>${l.version}</td><td>${esc(l.kind ?? '')}</td><td>${esc(l.publisher ?? '')}</td><td>${esc(l.file)}</td><td><code>${esc(l.sha256)}</code></td></tr>`).join('');
  const smp = run.sample;
  const method = { all: '全部 All inputs', uniform: '简单随机抽样 Uniform random sample', weighted: '按信用分类加权抽样 Weighted by credit class' }[smp.method];
  return `<section id="run" aria-label="运行记录 Run record"><h2>运行记录 Run record</h2>
${dl([
    ['运行编号 Run id', run.id], ['执行人 Operator', run.operator ?? '（未提供 not given）'],
    ['开始 Started (UTC+8)', run.startedAt], ['结束 Finished (UTC+8)', run.finishedAt],
    ['工具版本 Tool', `${run.tool.name} ${run.tool.version}`], ['规则集 Rule set', `${run.ruleSet.version} · SHA-256 ${run.ruleSet.sha256}`],
    ['信任列表 Trust list', `${run.trust.file} v${run.trust.version} · root ${run.trust.rootKid} · SHA-256 ${run.trust.sha256}${run.demo.trust ? ' · 演示 DEMO' : ''}`],
    ['总体 Population', `${run.population.size} · ${run.population.file} SHA-256 ${run.population.sha256}`],
    ['抽样 Sample', `${method} · ${smp.size} · 种子 seed ${smp.seedText} (${smp.seed}) · ${smp.generator}`],
  ])}
<table class="lists"><caption>使用的信用名单 Credit lists used${run.demo.lists ? '（演示 DEMO）' : ''}</caption><thead><tr><th>名单 List</th><th>版本 Version</th><th>类型 Kind</th><th>发布者 Publisher</th><th>文件 File</th><th>SHA-256</th></tr></thead><tbody>${lists}</tbody></table>
${refused.length ? `<table id="refused" class="lists"><caption>未采用的名单文件 List files refused</caption><thead><tr><th>文件 File</th><th>原因 Reason</th></tr></thead><tbody>${refused.map((r) => `<tr><td>${esc(r.file)}</td><td>${esc(r.reason)}</td></tr>`).join('')}</tbody></table>` : ''}
${smp.byClass ? `<table id="weights" class="counts"><caption>按信用分类抽样 Sampling by credit class</caption><thead><tr><th>信用分类 Credit class</th><th>总体 Population</th><th>抽样比例 Rate</th><th>抽取 Drawn</th></tr></thead><tbody>${smp.byClass.map((c) => `<tr data-class="${esc(c.creditClass)}"><td>${esc(CLASS_LABEL[c.creditClass].zh)} ${esc(CLASS_LABEL[c.creditClass].en)}</td><td>${c.population}</td><td>${esc(`${+(c.rate * 100).toFixed(2)}%`)}</td><td class="drawn">${c.drawn}</td></tr>`).join('')}</tbody></table>` : ''}
</section>`;
}

/** 双随机's second draw for a reader: each inspector's listings. */
function assignmentSection(report: AuditReport): string {
  const ins = report.run.inspectors;
  if (!ins) return '';
  const rows = ins.ids.map((i) => {
    const mine = report.pages.filter((p) => p.inspectors?.includes(i.id));
    return `<tr data-inspector="${esc(i.id)}"><td>${esc(i.id)}</td><td>${esc(i.name ?? '')}</td><td>${mine.length}</td><td>${mine.map((p) => `<a href="#page-${p.index + 1}">${p.index + 1}</a> ${esc(p.input)}`).join('<br>')}</td></tr>`;
  }).join('');
  return `<section id="assignment" aria-label="检查人员分派 Inspector assignment"><h2>检查人员分派（双随机） Inspector assignment</h2>
<p class="meta">每个抽中的页面由 ${ins.perListing} 名检查人员随机分派，可由种子复现 · ${ins.perListing} inspector(s) per listing, assigned at random, reproducible from the seed</p>
<table><thead><tr><th>编号 Id</th><th>姓名 Name</th><th>数量 Count</th><th>页面 Pages</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * The self-contained report.html: demo warning, summary with charts and numbers, run record with sample, assignment,
 * a campaign's section (escaped HTML, when given), then the pages grouped by site.
 */
export function renderHtml(report: AuditReport, shot: (p: PageReport) => string | undefined, campaignHtml = ''): string {
  const s = report.summary;
  const cards = OUTCOMES.map((o) => `<div class="card" data-outcome="${o}"><span class="n">${s.total[o]}</span> ${esc(LABEL[o])}</div>`).join('');
  const byRule = Object.entries(s.byRule).map(([id, c]) => [auditRule(id)?.title.zh ?? id, c] as [string, Counts]);
  const sites = [...new Set(report.pages.map((p) => siteOf(p)))];
  const grouped = sites.map((site) => `<section class="site" data-site="${esc(site)}"><h3 class="site-h">站点 Site: ${esc(site)}</h3>
${report.pages.filter((p) => siteOf(p) === site).map((p) => page(p, shot(p))).join('\n')}
</section>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>信标审查报告 XinBiao audit report</title>
<style>
:root{color-scheme:light dark;--fg:#1d1f23;--bg:#fff;--mute:#5f6570;--line:#d9dce1}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181c;--mute:#a0a6b0;--line:#3a3f47}}
@media print{:root{color-scheme:light;--fg:#000;--bg:#fff;--mute:#444}body{max-width:none;padding:0}.page{break-inside:avoid-page}.shot{max-height:120mm}}
body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;border-left:6px solid}
.card .n{font-size:24px;font-weight:700}
${OUTCOMES.map((o) => `[data-outcome="${o}"]{border-left-color:${COLOR[o]}}.badge[data-outcome="${o}"],.key[data-outcome="${o}"]{background:${COLOR[o]}}`).join('')}
.badge{color:#fff;border-radius:4px;padding:1px 6px;white-space:nowrap}
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}
svg text{fill:var(--fg);font-size:12px}svg text.n{fill:#fff;font-weight:600}figure{margin:16px 0}figcaption{font-weight:600}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:8px 0}
.counts td,.counts th{text-align:right}.counts td:first-child,.counts th:first-child{text-align:left}
.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}.meta-list dt{color:var(--mute)}.meta-list dd{margin:0;word-break:break-all}
.demo{border:2px solid #c62828;color:#c62828;padding:8px 12px;font-weight:600}
.basis ul{margin:0;padding-left:16px;font-size:13px}
small,.meta,.legend{color:var(--mute)}code{word-break:break-all}.shot{max-width:100%;border:1px solid var(--line);margin-top:8px}
.page{border-top:2px solid var(--line);margin-top:24px}
a{color:inherit}
</style></head><body>
<header><h1>信标审查报告 <small>XinBiao audit report</small></h1>
<p class="meta">生成时间 Generated ${esc(report.generatedAt)} · 页面 Pages ${s.pages} · 加载失败 Failed ${s.failedPages}${report.run.operator ? ` · 执行人 Operator ${esc(report.run.operator)}` : ''}</p>
${demoNote(report.run)}
</header>
<main>
<section id="summary" aria-label="汇总 Summary"><h2>汇总 Summary</h2><div class="cards">${cards}</div>
${chart('按规则 By rule', byRule)}
${chart('按站点 By site', Object.entries(s.bySite))}
</section>
${runSection(report.run, report.refusedLists)}
${assignmentSection(report)}
${campaignHtml}
<section id="pages"><h2>页面（按站点） Pages by site</h2>
${grouped}
</section></main></body></html>
`;
}
