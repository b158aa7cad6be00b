import { resolve } from 'node:path';
import type { PageKind } from '../../core/audit';
import { readList, toTarget } from '../audit/inputs';
import { runAudit } from '../audit/run';
import { sample, seedOf } from '../audit/sample';
import { summarise } from '../audit/summary';
import { CAMPAIGN_HELP } from '../audit/queue/help';
import { EXIT, UsageError, emit, intFlag, parseArgs, say, strFlag, type Command } from '../io';

const help = `Usage: xinbiao audit [options] <url-or-file…>

Spot-checks shop pages and platform homepages against the display rules (亮照亮标, query windows, risk
warnings) in headless Chromium, and keeps evidence. Inputs are URLs (http, https, file) and saved HTML files.

Options:
  --out DIR            report folder (default ./audit-report): report.json, report.csv, report.html, pages/
  --list FILE          read more inputs from FILE, one URL or path per line (# comments allowed)
  --sample N           audit a random sample of N inputs (reproducible with --seed)
  --seed S             seed of the sample: a number or any text (default 1)
  --concurrency N      pages open at once (default 2)
  --timeout MS         per page load and step (default 30000)
  --retries N          extra attempts for a page that fails to load (default 1)
  --page-kind KIND     shop | platform-home | other: skip the guess for every page
  --trust FILE         signed trust list (default: the demo samples/trust/trust.jws)
  --trust-root FILE    root public key (JWK) that signed the trust list (default: the demo root key)
  --lists DIR          folder of signed list files, *.ndjson with .sig beside (default: samples/lists)
  --browser-ws URL     use a remote browser: a Playwright server (ws://…) or a CDP endpoint
                       (ws://…/devtools/browser/… or http://host:port)
  --quiet              no progress on stderr

Prints one JSON line per page: {"input","url","status","pageKind","counts",
"findings":[{"ruleId","outcome","message":{"zh","en"},"evidence","selector"}]}.
A page that cannot be loaded is reported with outcome "error", never dropped.
Exit 0 when every page was audited, 1 when any page failed to load, 2 on usage errors.
${CAMPAIGN_HELP}`;

const KINDS = ['shop', 'platform-home', 'other'];

const command: Command = {
  summary: 'spot-check pages against the display rules',
  help,
  async run(args) {
    // Campaign forms load the queue code only when asked for.
    if (args[0] === 'worker') return (await import('../audit/queue/cli')).workerCommand(args.slice(1));
    if (args[0] === 'report') return (await import('../audit/queue/cli')).reportCommand(args.slice(1));
    if (args.some((a) => a === '--queue' || a.startsWith('--queue='))) return (await import('../audit/queue/cli')).enqueueCommand(args);
    const parsed = parseArgs(args, {
      values: ['out', 'list', 'sample', 'seed', 'concurrency', 'timeout', 'retries', 'page-kind', 'trust', 'trust-root', 'lists', 'browser-ws'],
      booleans: ['quiet'],
    });
    const inputs = [...parsed.positionals];
    const list = strFlag(parsed, 'list');
    if (list) {
      try { inputs.push(...readList(list)); } catch (err) { throw new UsageError((err as Error).message); }
    }
    if (inputs.length === 0) throw new UsageError('give at least one URL or file, or --list FILE');
    const pageKind = strFlag(parsed, 'page-kind');
    if (pageKind && !KINDS.includes(pageKind)) throw new UsageError(`--page-kind takes ${KINDS.join(', ')}`);
    const n = intFlag(parsed, 'sample', inputs.length, 1);
    const seed = seedOf(strFlag(parsed, 'seed') ?? '1');
    const chosen = sample(inputs, n, seed);
    if (n < inputs.length) say(`audit: sample of ${chosen.length} from ${inputs.length} inputs (seed ${seed})`);
    const out = resolve(strFlag(parsed, 'out') ?? 'audit-report');
    const report = await runAudit(chosen.map((i) => toTarget(i)), {
      out,
      concurrency: intFlag(parsed, 'concurrency', 2, 1, 32),
      timeout: intFlag(parsed, 'timeout', 30_000, 1_000),
      retries: intFlag(parsed, 'retries', 1, 0, 10),
      browserWs: strFlag(parsed, 'browser-ws'),
      pageKind: pageKind as PageKind | undefined,
      trust: strFlag(parsed, 'trust'),
      trustRoot: strFlag(parsed, 'trust-root'),
      lists: strFlag(parsed, 'lists'),
      quiet: parsed.flags.has('quiet'),
      onPage: (p) => emit({
        input: p.input, url: p.url, status: p.status, ...(p.error ? { error: p.error } : {}), pageKind: p.pageKind,
        counts: summarise([p]).total, evidence: p.evidence, findings: p.findings,
      }),
    });
    for (const r of report.refusedLists) say(`audit: list ${r.file} refused: ${r.reason}`);
    const t = report.summary.total;
    say(`audit: ${report.summary.pages} pages, ${t.violation} violations, ${t['needs-review']} to review, ${report.summary.failedPages} failed → ${out}/report.html`);
    return report.summary.failedPages > 0 ? EXIT.invalid : EXIT.ok;
  },
};
export default command;
