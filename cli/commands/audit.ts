import { resolve } from 'node:path';
import { CLASS_LABEL, Inspectors, Weights, withBasis, type PageKind } from '../../core/audit';
import { populationEntry, readPopulation } from '../audit/inputs';
import { readJsonFile } from '../audit/plan';
import { signingKey } from '../audit/sign-key';
import { runAudit } from '../audit/run';
import { summarise } from '../audit/summary';
import verify from '../audit/verify-command';
import { CAMPAIGN_HELP } from '../audit/queue/help';
import { EXIT, UsageError, both, emit, intFlag, parseArgs, say, strFlag, type Command } from '../io';

const help = `Usage: xinbiao audit [options] <url-or-file…>
       xinbiao audit verify <report-dir…> [--key FILE]

Spot-checks shop pages and platform homepages against the display rules (亮照亮标, query windows, risk
warnings) in headless Chromium, and keeps evidence. Inputs are URLs (http, https, file) and saved HTML files.

Options:
  --out DIR            report folder (default ./audit-report): report.json, report.csv, report.html, pages/
  --list FILE          read more inputs from FILE, one URL or path per line (# comments allowed),
                       optionally followed by the operator's USCC (for --weights)
  --sample N           audit a random sample of N inputs (reproducible with --seed)
  --seed S             seed of the sample and the assignment: a number or any text (default 1)
  --weights FILE       sample by credit class: JSON rates 0–1 for black, abnormal, caution,
                       no-record, red-top (replaces --sample); see docs/audit.md
  --inspectors FILE    assign the drawn pages to inspectors at random (双随机), JSON
  --operator NAME      who runs the audit, recorded in the report
  --sign-key FILE      private Ed25519 JWK: sign the report's manifest (manifest.jws)
  --no-pdf             do not print report.pdf
  --concurrency N      pages open at once (default 2)
  --timeout MS         per page load and step (default 30000)
  --retries N          extra attempts for a page that fails to load (default 1)
  --page-kind KIND     shop | platform-home | other: skip the guess for every page
  --trust FILE         signed trust list (default: the demo samples/trust/trust.jws)
  --trust-root FILE    root public key (JWK) that signed the trust list (default: the demo root key)
  --lists DIR          folder of signed lists, *.ndjson or packed *.pack.json, each with .sig beside
                       (default: samples/lists)
  --browser-ws URL     use a remote browser: a Playwright server (ws://…) or a CDP endpoint
                       (ws://…/devtools/browser/… or http://host:port)
  --quiet              no progress on stderr

Prints one JSON line per page: {"input","url","status","pageKind","counts",
"findings":[{"ruleId","outcome","message":{"zh","en"},"evidence","selector"}]}.
A page that cannot be loaded is reported with outcome "error", never dropped.
Every report folder gets manifest.json (every file with its SHA-256); 'xinbiao audit verify' checks it.
Without --sign-key the folder is unsigned: verify names every changed file but says "unsigned", since a manifest
alone proves nothing about who wrote it; 'audit verify --key PUBLIC.jwk.json' fails a folder not signed by that key.
Exit 0 when every page was audited, 1 when any page failed to load, 2 on usage errors.
${CAMPAIGN_HELP}`;

const KINDS = ['shop', 'platform-home', 'other'];


const command: Command = {
  summary: 'spot-check pages against the display rules',
  help,
  async run(args) {
    if (args[0] === 'verify') return verify(args.slice(1));
    // Campaign forms load the queue code only when asked for.
    if (args[0] === 'worker') return (await import('../audit/queue/cli')).workerCommand(args.slice(1));
    if (args[0] === 'schedule') return (await import('../audit/queue/cli')).scheduleCommand(args.slice(1));
    if (args[0] === 'report') return (await import('../audit/queue/cli')).reportCommand(args.slice(1));
    if (args.some((a) => a === '--queue' || a.startsWith('--queue='))) return (await import('../audit/queue/cli')).enqueueCommand(args);
    const parsed = parseArgs(args, {
      values: ['out', 'list', 'sample', 'seed', 'concurrency', 'timeout', 'retries', 'page-kind', 'trust', 'trust-root', 'lists', 'browser-ws',
        'weights', 'inspectors', 'operator', 'sign-key'],
      booleans: ['quiet', 'no-pdf'],
    });
    const inputs = parsed.positionals.map(populationEntry);
    const list = strFlag(parsed, 'list');
    if (list) {
      try { inputs.push(...readPopulation(list)); } catch (err) { throw new UsageError((err as Error).message); }
    }
    if (inputs.length === 0) throw new UsageError(both('请给出至少一个网址或文件，或 --list FILE', 'give at least one URL or file, or --list FILE'));
    const pageKind = strFlag(parsed, 'page-kind');
    if (pageKind && !KINDS.includes(pageKind)) throw new UsageError(both(`--page-kind 只能是 ${KINDS.join('、')}`, `--page-kind takes ${KINDS.join(', ')}`));
    const weightsFile = strFlag(parsed, 'weights');
    if (weightsFile && parsed.flags.has('sample')) throw new UsageError(both('--weights 与 --sample 不能同用：比例决定抽取数量', '--weights and --sample exclude each other: the rates say how many are drawn'));
    const inspectorsFile = strFlag(parsed, 'inspectors');
    const keyFile = strFlag(parsed, 'sign-key');
    const signKey = keyFile ? await signingKey(keyFile) : undefined;
    const out = resolve(strFlag(parsed, 'out') ?? 'audit-report');
    const report = await runAudit(inputs, {
      sample: parsed.flags.has('sample') ? intFlag(parsed, 'sample', inputs.length, 1) : undefined,
      seed: strFlag(parsed, 'seed') ?? '1',
      weights: weightsFile ? readJsonFile(weightsFile, Weights, '--weights') : undefined,
      inspectors: inspectorsFile ? readJsonFile(inspectorsFile, Inspectors, '--inspectors') : undefined,
      operator: strFlag(parsed, 'operator'),
      signKey,
      pdf: !parsed.flags.has('no-pdf'),
      onPlan: (plan) => {
        if (plan.sample.method !== 'all') say(`audit: sample of ${plan.chosen.length} from ${plan.population.length} inputs (seed ${plan.sample.seed})`);
        for (const c of plan.sample.byClass ?? []) say(`audit: ${CLASS_LABEL[c.creditClass].zh} ${c.creditClass}: ${c.drawn} of ${c.population} (rate ${c.rate})`);
      },
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
        ...(p.creditClass ? { creditClass: p.creditClass } : {}), ...(p.inspectors ? { inspectors: p.inspectors } : {}),
        counts: summarise([p]).total, evidence: p.evidence, findings: p.findings.map(withBasis),
      }),
    });
    if (report.run.demo.trust || report.run.demo.lists) say('audit: 使用了演示信任列表和名单 used the DEMO trust list and lists (give --trust, --trust-root and --lists)');
    for (const r of report.refusedLists) say(`audit: list ${r.file} refused: ${r.reason}`);
    const t = report.summary.total;
    say(`audit: ${report.summary.pages} pages, ${t.violation} violations, ${t['needs-review']} to review, ${report.summary.failedPages} failed → ${out}/report.html`);
    return report.summary.failedPages > 0 ? EXIT.invalid : EXIT.ok;
  },
};
export default command;
